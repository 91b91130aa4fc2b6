package dev.catalogsmoke.postgres;

import dev.catalogsmoke.engine.TransientException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;

/**
 * Sorts connection errors into transient ones, retried within the wait budget, and final ones, reported at once.
 *
 * <p>Transient: connection refused, no route, a connect timeout, a login that timed out (SQLSTATE 08001), a host
 * name not yet resolvable, and SQLSTATE 57P03 (the server is starting up). Everything else is final, including authentication failures (28P01, 28000)
 * and a missing database (3D000), because waiting does not heal them.
 */
final class PostgresErrors {

    private PostgresErrors() {}

    /** A connection attempt and the names that a message about it needs. */
    record Attempt(String role, String database, String endpoint, String credentialsOrigin, String tlsMode) {}

    static RuntimeException classify(SQLException e, Attempt attempt) {
        String state = e.getSQLState();
        String target =
                "role '" + attempt.role() + "' on database '" + attempt.database() + "' at " + attempt.endpoint();
        if ("57P03".equals(state)) {
            return new TransientException("server is starting up (SQLSTATE 57P03) for " + target, e);
        }
        Throwable network = causeOf(
                e,
                ConnectException.class,
                NoRouteToHostException.class,
                SocketTimeoutException.class,
                UnknownHostException.class);
        if (network instanceof UnknownHostException) {
            return new TransientException("host name in " + attempt.endpoint() + " cannot be resolved yet", e);
        }
        if ("08001".equals(state) && String.valueOf(e.getMessage()).contains("timed out")) {
            return new TransientException(
                    "no response from " + attempt.endpoint()
                            + " within postgres.connectTimeout (the server accepted the"
                            + " connection but did not complete the login); check that PostgreSQL is running and not"
                            + " overloaded",
                    e);
        }
        if (network != null) {
            return new TransientException(
                    "cannot reach " + attempt.endpoint() + ": "
                            + network.getClass().getSimpleName() + " (" + network.getMessage() + ")",
                    e);
        }
        return new ConnectionFailure(finalMessage(e, state, target, attempt), state, e);
    }

    private static String finalMessage(SQLException e, String state, String target, Attempt attempt) {
        if ("28P01".equals(state)) {
            String fix = attempt.credentialsOrigin().startsWith("Secret ")
                    ? "; the password in the Secret is not the one the role has. Rotate it on both sides (the managed"
                            + " role's passwordSecret and the role)"
                    : "; the password given is not the one the role has, or the role does not exist. Fix the"
                            + " credentials source";
            return "password authentication failed for " + target + " (SQLSTATE 28P01) with the password from "
                    + attempt.credentialsOrigin() + fix + "; not retried, because an authentication failure does not"
                    + " heal by waiting";
        }
        if ("28000".equals(state)) {
            return "server rejected " + target + " (SQLSTATE 28000: " + serverMessage(e) + ") with credentials"
                    + " from " + attempt.credentialsOrigin() + "; check pg_hba rules and the role's LOGIN attribute";
        }
        if ("3D000".equals(state)) {
            return "database '" + attempt.database() + "' does not exist at " + attempt.endpoint()
                    + " (SQLSTATE 3D000); check that the CNPG Database resource for it is applied";
        }
        String tls = tlsMessage(e, attempt);
        if (tls != null) {
            return tls;
        }
        return "cannot open a session for " + target + ": " + serverMessage(e)
                + (state == null ? "" : " (SQLSTATE " + state + ")");
    }

    private static String tlsMessage(SQLException e, Attempt attempt) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("could not be verified by hostnameverifier")) {
            return "TLS: the server certificate at " + attempt.endpoint() + " does not cover host '"
                    + hostOf(attempt.endpoint()) + "' (postgres.tls.mode " + attempt.tlsMode() + "); connect"
                    + " through a host name listed in the certificate, such as the cluster's -rw service";
        }
        if (message.contains("does not support SSL")) {
            return "TLS: the server at " + attempt.endpoint() + " does not offer TLS but postgres.tls.mode is "
                    + attempt.tlsMode() + "; enable TLS on the cluster, never lower the mode to pass";
        }
        if (causeOf(e, SSLException.class) != null || message.contains("SSL")) {
            return "TLS: handshake with " + attempt.endpoint() + " failed under postgres.tls.mode "
                    + attempt.tlsMode() + ": " + rootMessage(e) + "; check that the CA (key ca.crt of the cluster's"
                    + " CA Secret) signs the server certificate";
        }
        return null;
    }

    static String hostOf(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        return colon < 0 ? endpoint : endpoint.substring(0, colon);
    }

    private static String serverMessage(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @SafeVarargs
    private static Throwable causeOf(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(cause)) {
                    return cause;
                }
            }
        }
        return null;
    }
}
