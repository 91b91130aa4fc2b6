package dev.catalogsmoke.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.engine.TransientException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class PostgresErrorsTest {

    private static final PostgresErrors.Attempt ATTEMPT = new PostgresErrors.Attempt(
            "tenancy",
            "tenancy",
            "postgres-ameide-rw:5432",
            "Secret ns/tenancy-db-credentials (resourceVersion 7)",
            "verify-full");

    @Test
    void startingUpIsTransient() {
        RuntimeException error = PostgresErrors.classify(psql("the database system is starting up", "57P03"), ATTEMPT);

        assertThat(error).isInstanceOf(TransientException.class).hasMessageContaining("starting up (SQLSTATE 57P03)");
    }

    @Test
    void refusedConnectionIsTransient() {
        PSQLException refused = new PSQLException(
                "Connection refused",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));

        assertThat(PostgresErrors.classify(refused, ATTEMPT))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("cannot reach postgres-ameide-rw:5432");
    }

    @Test
    void unresolvableHostIsTransient() {
        PSQLException unknown = new PSQLException(
                "The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new UnknownHostException("postgres-ameide-rw"));

        assertThat(PostgresErrors.classify(unknown, ATTEMPT))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("cannot be resolved yet");
    }

    @Test
    void wrongPasswordIsFinalAndNamesSecret() {
        RuntimeException error = PostgresErrors.classify(psql("password authentication failed", "28P01"), ATTEMPT);

        assertThat(error)
                .isInstanceOf(ConnectionFailure.class)
                .hasMessageContaining("role 'tenancy' on database 'tenancy'")
                .hasMessageContaining("Secret ns/tenancy-db-credentials (resourceVersion 7)")
                .hasMessageContaining("not retried");
        assertThat(((ConnectionFailure) error).sqlState()).isEqualTo("28P01");
    }

    @Test
    void missingDatabaseIsFinal() {
        RuntimeException error = PostgresErrors.classify(psql("database \"tenancy\" does not exist", "3D000"), ATTEMPT);

        assertThat(error).isInstanceOf(ConnectionFailure.class).hasMessageContaining("SQLSTATE 3D000");
    }

    @Test
    void hostnameMismatchNamesHost() {
        PSQLException mismatch = new PSQLException(
                "The hostname postgres-ameide-rw could not be verified by"
                        + " hostnameverifier PgjdbcHostnameVerifier.",
                PSQLState.CONNECTION_FAILURE);

        assertThat(PostgresErrors.classify(mismatch, ATTEMPT))
                .isInstanceOf(ConnectionFailure.class)
                .hasMessageContaining("does not cover host 'postgres-ameide-rw'");
    }

    private static SQLException psql(String message, String state) {
        return new SQLException(message, state);
    }
}
