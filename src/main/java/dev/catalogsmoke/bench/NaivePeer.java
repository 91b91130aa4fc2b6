package dev.catalogsmoke.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The routing and membership checks written the way a hand-written hook script does them: list the keys, then send
 * one query per issuer and one query per membership. It is the baseline the benchmark compares the suite with.
 *
 * <p>Each part stops when its {@code budget} runs out; the result then contains the rows done and an estimate for all
 * rows at the measured rate. It reuses one prepared statement per part over one session, which is faster than a
 * shell loop that starts {@code psql} per row, so the comparison favors the peer.
 */
final class NaivePeer {

    private final String host;
    private final int port;
    private final String password;
    private final Duration budget;

    /** One part of the peer: rows checked, statements sent, problems found, time taken, and whether it finished. */
    record Part(String name, long rows, long totalRows, long statements, long problems, Duration elapsed) {

        boolean finished() {
            return rows == totalRows;
        }

        /** Returns the elapsed time, or the time for all rows at the measured rate when the budget stopped it. */
        Duration estimatedTotal() {
            if (finished() || rows == 0) {
                return elapsed;
            }
            return Duration.ofNanos((long) (elapsed.toNanos() * ((double) totalRows / rows)));
        }
    }

    NaivePeer(String host, int port, String password, Duration budget) {
        this.host = host;
        this.port = port;
        this.password = password;
        this.budget = budget;
    }

    /** Checks that every linked issuer has one routing row to an active tenant, one query per issuer. */
    Part routing() throws SQLException {
        long started = System.nanoTime();
        try (Connection identity = connect("identity");
                Connection tenancy = connect("tenancy")) {
            List<String> issuers = column(identity, "SELECT DISTINCT issuer FROM external_identities");
            String sql = "SELECT t.status FROM tenant_routing_view r LEFT JOIN tenants t ON t.tenant_id = r.tenant_id"
                    + " WHERE r.issuer = ?";
            return perRow("routing, one query per issuer", tenancy, sql, issuers, started, 1, rows -> {
                int count = 0;
                boolean active = false;
                while (rows.next()) {
                    count++;
                    active = "active".equals(rows.getString(1));
                }
                return count == 1 && active;
            });
        }
    }

    /** Checks that every membership's user exists in the identity catalog, one query per membership row. */
    Part memberships() throws SQLException {
        long started = System.nanoTime();
        try (Connection identity = connect("identity");
                Connection tenancy = connect("tenancy")) {
            List<String> userIds = column(tenancy, "SELECT user_id::text FROM memberships");
            String sql = "SELECT 1 FROM users WHERE user_id = ?::uuid";
            return perRow("memberships, one query per membership", identity, sql, userIds, started, 1, ResultSet::next);
        }
    }

    private Part perRow(
            String name,
            Connection connection,
            String sql,
            List<String> keys,
            long started,
            long listingStatements,
            RowJudge judge)
            throws SQLException {
        long deadline = started + budget.toNanos();
        long done = 0;
        long problems = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String key : keys) {
                if (System.nanoTime() > deadline) {
                    break;
                }
                statement.setString(1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!judge.passes(rows)) {
                        problems++;
                    }
                }
                done++;
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Part(name, done, keys.size(), listingStatements + done, problems, elapsed);
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private Connection connect(String catalog) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", catalog);
        properties.setProperty("password", password);
        properties.setProperty("sslmode", "require");
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "60");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + catalog, properties);
    }

    @FunctionalInterface
    private interface RowJudge {
        boolean passes(ResultSet rows) throws SQLException;
    }
}
