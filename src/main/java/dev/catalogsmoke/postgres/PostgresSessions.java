package dev.catalogsmoke.postgres;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.config.TlsMode;
import dev.catalogsmoke.engine.PrerequisiteUnavailable;
import dev.catalogsmoke.engine.Waits;
import dev.catalogsmoke.engine.Waits.Probe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens read-only database sessions on the cluster's read-write service with each catalog's credentials.
 *
 * <p>Every session has {@code default_transaction_read_only=on}, a statement timeout and the configured {@code
 * application_name}. User and password travel as driver properties, never inside the URL. The first failure to
 * reach a catalog's database is kept, so the check that owns connectivity reports it and the checks that depend on
 * a session are skipped with its reason instead of failing once more.
 */
public final class PostgresSessions {

    private static final Logger log = LoggerFactory.getLogger(PostgresSessions.class);

    private final SmokeConfig config;
    private final CredentialsProvider credentials;
    private final Waits waits;
    private final Map<Catalog, RuntimeException> failures = new ConcurrentHashMap<>();
    private final Set<Catalog> reached = ConcurrentHashMap.newKeySet();
    private final Map<Catalog, Object> firstConnectLocks = new EnumMap<>(Catalog.class);
    private Path caFile;

    public PostgresSessions(SmokeConfig config, CredentialsProvider credentials, Waits waits) {
        this.config = config;
        this.credentials = credentials;
        this.waits = waits;
        for (Catalog catalog : Catalog.values()) {
            firstConnectLocks.put(catalog, new Object());
        }
    }

    /**
     * Opens a session as the catalog's role on its own database, retrying transient errors within {@code
     * waits.connection}; throws the error itself, for the check that owns connectivity.
     */
    public Connection connect(Catalog catalog) {
        if (reached.contains(catalog)) {
            return connectOnce(catalog);
        }
        synchronized (firstConnectLocks.get(catalog)) {
            Connection connection = connectOnce(catalog);
            reached.add(catalog);
            return connection;
        }
    }

    /**
     * Opens a session for {@link #connect}. Until a catalog's database has been reached once, callers queue on a
     * lock per catalog, so checks that run at the same time share one wait and its outcome instead of each waiting
     * out the budget.
     */
    private Connection connectOnce(Catalog catalog) {
        RuntimeException earlier = failures.get(catalog);
        if (earlier != null) {
            throw earlier;
        }
        try {
            DbCredentials login = credentials.credentials(catalog);
            String database = config.catalog(catalog).database();
            String name = "database " + database + " as role " + login.username();
            return waits.until(name, config.waits().connection(), () -> Probe.ready(attempt(login, database)));
        } catch (RuntimeException e) {
            failures.putIfAbsent(catalog, e);
            throw e;
        }
    }

    /** Opens a session like {@link #connect}, but a failure skips the calling check, naming the cause. */
    public Connection open(Catalog catalog) {
        try {
            return connect(catalog);
        } catch (PrerequisiteUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PrerequisiteUnavailable(
                    "no session on the " + catalog + " database (the check 'postgres > role"
                            + " connects to its own database' reports why): " + firstClause(e.getMessage()),
                    e);
        }
    }

    /** Makes one attempt, without waiting, to open a session on {@code database} with the given credentials. */
    public Connection attempt(DbCredentials login, String database) {
        SmokeConfig.Postgres postgres = config.postgres();
        String endpoint = postgres.host() + ":" + postgres.port();
        PostgresErrors.Attempt attempt = new PostgresErrors.Attempt(
                login.username(),
                database,
                endpoint,
                login.origin(),
                postgres.tls().mode().sslMode());
        String url = "jdbc:postgresql://" + endpoint + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
        try {
            Connection connection = DriverManager.getConnection(url, properties(login));
            connection.setReadOnly(true);
            return StatementCounter.counting(connection);
        } catch (SQLException e) {
            RuntimeException classified = PostgresErrors.classify(e, attempt);
            log.debug("connection attempt to {} as {} failed: {}", database, login.username(), e.getMessage());
            throw classified;
        }
    }

    private Properties properties(DbCredentials login) {
        SmokeConfig.Postgres postgres = config.postgres();
        Properties properties = new Properties();
        PGProperty.USER.set(properties, login.username());
        PGProperty.PASSWORD.set(properties, login.password());
        PGProperty.APPLICATION_NAME.set(properties, postgres.applicationName());
        int connectSeconds = (int) Math.max(1, postgres.connectTimeout().toSeconds());
        PGProperty.CONNECT_TIMEOUT.set(properties, connectSeconds);
        PGProperty.LOGIN_TIMEOUT.set(properties, connectSeconds);
        PGProperty.SOCKET_TIMEOUT.set(
                properties, (int) postgres.statementTimeout().toSeconds() + 15);
        PGProperty.OPTIONS.set(
                properties,
                "-c statement_timeout=" + postgres.statementTimeout().toMillis()
                        + " -c default_transaction_read_only=on");
        PGProperty.READ_ONLY.set(properties, true);
        PGProperty.GSS_ENC_MODE.set(properties, "disable");
        PGProperty.SSL_MODE.set(properties, postgres.tls().mode().sslMode());
        if (postgres.tls().mode() == TlsMode.VERIFY_FULL) {
            PGProperty.SSL_ROOT_CERT.set(properties, caFile().toString());
        }
        return properties;
    }

    private synchronized Path caFile() {
        if (caFile == null) {
            String pem = credentials.caCertificate().orElseThrow();
            try {
                caFile = Files.createTempFile("catalog-smoke-ca", ".crt");
                caFile.toFile().deleteOnExit();
                Files.writeString(caFile, pem);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the CA certificate to a temporary file", e);
            }
        }
        return caFile;
    }

    /** Returns the text up to the first ';', the part of an error message that names what failed. */
    public static String firstClause(String message) {
        if (message == null) {
            return "unknown error";
        }
        int end = message.indexOf(';');
        return end < 0 ? message : message.substring(0, end);
    }
}
