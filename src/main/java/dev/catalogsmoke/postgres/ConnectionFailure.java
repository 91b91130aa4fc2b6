package dev.catalogsmoke.postgres;

/**
 * A database session could not be opened for a reason that waiting does not fix, such as a wrong password
 * (SQLSTATE 28P01), a missing database (3D000) or a TLS verification error. Never retried.
 */
public class ConnectionFailure extends RuntimeException {

    private final String sqlState;

    public ConnectionFailure(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** Returns the SQLSTATE the server or driver reported, or {@code null} when there was none. */
    public String sqlState() {
        return sqlState;
    }
}
