package dev.catalogsmoke.checks;

import static org.junit.jupiter.api.Assumptions.abort;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.SmokeConfig.CatalogConfig;
import dev.catalogsmoke.engine.SmokeContext;
import dev.catalogsmoke.engine.TransientException;
import dev.catalogsmoke.postgres.ConnectionFailure;
import dev.catalogsmoke.postgres.DbCredentials;
import dev.catalogsmoke.postgres.PostgresSessions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.AssertionFailedError;

@CheckSuite
@DisplayName("postgres")
@Tag("postgres")
@Order(20)
class ConnectivityCheck {

    /**
     * Reads the session's identity and the effective owner of schema public. From PostgreSQL 15 on, public is owned
     * by the pseudo-role pg_database_owner, which stands for the database's owner.
     */
    /** SQLSTATEs that mean the server rejected the role on that database: no CONNECT privilege, or pg_hba. */
    private static final Set<String> REJECTED = Set.of("42501", "28000");

    private static final String SESSION_QUERY = """
            SELECT current_user, current_database(),
                   (SELECT CASE WHEN n.nspowner = 'pg_database_owner'::regrole THEN pg_get_userbyid(d.datdba)
                                ELSE pg_get_userbyid(n.nspowner) END
                    FROM pg_namespace n, pg_database d
                    WHERE n.nspname = 'public' AND d.datname = current_database()),
                   current_setting('transaction_read_only'), current_setting('application_name'),
                   current_setting('server_version')""";

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @EnumSource(Catalog.class)
    @DisplayName("role connects to its own database, which it owns")
    @Verifies("A read-only session opens on the read-write service with the catalog's credentials (transient errors"
            + " retried within waits.connection); current_user and current_database are the configured ones and the"
            + " public schema is owned by the role.")
    void roleConnectsToOwnDatabase(Catalog catalog, SmokeContext context, TestReporter reporter) throws SQLException {
        CatalogConfig expected = context.config().catalog(catalog);
        try (Connection connection = context.sessions().connect(catalog);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(SESSION_QUERY)) {
            row.next();
            reporter.publishEntry(Map.of(
                    "currentUser", row.getString(1),
                    "currentDatabase", row.getString(2),
                    "publicSchemaOwner", String.valueOf(row.getString(3)),
                    "readOnly", row.getString(4),
                    "applicationName", row.getString(5),
                    "serverVersion", row.getString(6)));

            Findings findings = new Findings();
            String object = "database " + expected.database();
            compare(findings, object, "current_user", expected.role(), row.getString(1));
            compare(findings, object, "current_database()", expected.database(), row.getString(2));
            compare(findings, object, "owner of schema public", expected.role(), row.getString(3));
            compare(findings, object, "transaction_read_only", "on", row.getString(4));
            findings.assertNone(object);
        }
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @EnumSource(Catalog.class)
    @DisplayName("role cannot connect to the other catalog's database")
    @Verifies("The catalog's role is rejected by the other catalog's database (SQLSTATE 42501, no CONNECT"
            + " privilege, or 28000 from pg_hba), so each role reaches its own database only.")
    void roleCannotConnectToOtherDatabase(Catalog catalog, SmokeContext context, TestReporter reporter) {
        DbCredentials login = context.credentials().credentials(catalog);
        String other = context.config().catalog(catalog.other()).database();
        try (Connection ignored = context.sessions().attempt(login, other)) {
            throw new AssertionFailedError(
                    "database " + other + ": role '" + login.username() + "' of the "
                            + catalog + " catalog opened a session on it; expected rejected (SQLSTATE 42501 or 28000),"
                            + " actual connected. Run REVOKE CONNECT ON DATABASE " + other + " FROM PUBLIC and grant"
                            + " CONNECT to its own role only",
                    "rejected",
                    "connected");
        } catch (ConnectionFailure e) {
            if (e.sqlState() == null || !REJECTED.contains(e.sqlState())) {
                abort("cannot judge the access of role '" + login.username() + "' to database " + other + ": "
                        + PostgresSessions.firstClause(e.getMessage()));
            }
            reporter.publishEntry(
                    Map.of("role", login.username(), "database", other, "rejectedWith", String.valueOf(e.sqlState())));
        } catch (TransientException e) {
            abort("cannot reach database " + other + " to judge the access of role '" + login.username() + "': "
                    + PostgresSessions.firstClause(e.getMessage()));
        } catch (SQLException e) {
            throw new IllegalStateException("closing a session failed: " + e.getMessage(), e);
        }
    }

    private static void compare(Findings findings, String object, String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            findings.add(
                    object,
                    what + " is not the configured one",
                    "'" + expected + "'",
                    "'" + actual + "'",
                    "Check the catalog's role and database in the configuration and in the CNPG Database resource");
        }
    }
}
