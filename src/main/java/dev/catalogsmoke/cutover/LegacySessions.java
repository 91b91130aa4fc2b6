package dev.catalogsmoke.cutover;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.engine.PrerequisiteUnavailable;
import dev.catalogsmoke.engine.Waits;
import dev.catalogsmoke.engine.Waits.Probe;
import dev.catalogsmoke.postgres.CredentialsProvider;
import dev.catalogsmoke.postgres.DbCredentials;
import dev.catalogsmoke.postgres.PostgresSessions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens read-only sessions on the legacy database, on the same cluster endpoint and with the same TLS policy as the
 * catalogs, as the role in the legacy credentials.
 *
 * <p>The first failure is kept, like {@link PostgresSessions} does per catalog: the check that owns legacy
 * connectivity reports it, and the other cutover checks are skipped with its reason instead of waiting again.
 */
public final class LegacySessions {

    private final SmokeConfig config;
    private final CredentialsProvider credentials;
    private final PostgresSessions sessions;
    private final Waits waits;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    public LegacySessions(SmokeConfig config, CredentialsProvider credentials, PostgresSessions sessions, Waits waits) {
        this.config = config;
        this.credentials = credentials;
        this.sessions = sessions;
        this.waits = waits;
    }

    /** Returns the name of the legacy database, as configured in {@code cutover.legacy.database}. */
    public String database() {
        return config.cutover().legacy().database();
    }

    /**
     * Opens a session on the legacy database, retrying transient errors within {@code waits.connection}; throws the
     * error itself, for the check that owns legacy connectivity.
     */
    public Connection connect() {
        RuntimeException earlier = failure.get();
        if (earlier != null) {
            throw earlier;
        }
        try {
            DbCredentials login = credentials.legacyCredentials();
            String name = "legacy database " + database() + " as role " + login.username();
            return waits.until(
                    name, config.waits().connection(), () -> Probe.ready(sessions.attempt(login, database())));
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            throw e;
        }
    }

    /** Opens a session like {@link #connect}, but a failure skips the calling check, naming the cause. */
    public Connection open() {
        try {
            return connect();
        } catch (PrerequisiteUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PrerequisiteUnavailable(
                    "no session on the legacy database " + database() + " (the check"
                            + " 'cutover legacy > legacy database is reachable' reports why): "
                            + PostgresSessions.firstClause(e.getMessage()),
                    e);
        }
    }

    /**
     * Returns whether the legacy database exists on the cluster. Reads {@code pg_database}, which every role may
     * read, through a tenancy session, so the result needs no legacy credentials.
     */
    public boolean databaseExists() throws SQLException {
        try (Connection tenancy = sessions.open(Catalog.TENANCY);
                PreparedStatement statement =
                        tenancy.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = ?)")) {
            statement.setString(1, database());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
