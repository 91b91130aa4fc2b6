package dev.catalogsmoke.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.SmokeInvocation;
import dev.catalogsmoke.bench.Benchmark;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full run writes nothing to the target databases: every table's content and PostgreSQL's cumulative tuple
 * counters (inserted, updated, deleted) are the same before and after.
 */
@Timeout(300)
class ReadOnlyRunTest {

    private static final List<String> DATABASES = List.of("identity", "tenancy", "platform");

    @Test
    void fullRunWritesNothing(@TempDir Path directory) throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withTenants(20))) {
            Path config = Benchmark.writeSuiteConfig(sandbox, directory.resolve("config.yaml"));
            awaitOtherSessionsClosed(sandbox);
            Map<String, String> before = snapshot(sandbox);

            SmokeInvocation run =
                    SmokeInvocation.run(directory.resolve("reports"), Map.of(), "run", "--config", config.toString());
            awaitOtherSessionsClosed(sandbox);
            Map<String, String> after = snapshot(sandbox);

            assertThat(run.exitCode()).as(run.out()).isZero();
            assertThat(run.statuses().values()).filteredOn("PASSED"::equals).hasSizeGreaterThanOrEqualTo(16);
            assertThat(before).as("tables and counters before the run").isNotEmpty();
            assertThat(after).isEqualTo(before);
        }
    }

    /** Returns, per database and table, an md5 of the sorted rows and the tuples inserted, updated and deleted. */
    private static Map<String, String> snapshot(Sandbox sandbox) throws SQLException {
        Map<String, String> state = new TreeMap<>();
        for (String database : DATABASES) {
            try (Connection connection = sandbox.cluster().superuser(database);
                    Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_stat_clear_snapshot()");
                for (String table : tables(statement)) {
                    state.put(database + "." + table + " content", contentHash(statement, table));
                }
                try (ResultSet rows = statement.executeQuery("SELECT relname, n_tup_ins, n_tup_upd, n_tup_del"
                        + " FROM pg_stat_user_tables WHERE schemaname = 'public'")) {
                    while (rows.next()) {
                        state.put(
                                database + "." + rows.getString(1) + " counters",
                                rows.getLong(2) + "/" + rows.getLong(3) + "/" + rows.getLong(4));
                    }
                }
            }
        }
        return state;
    }

    private static List<String> tables(Statement statement) throws SQLException {
        List<String> tables = new java.util.ArrayList<>();
        try (ResultSet rows = statement.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static String contentHash(Statement statement, String table) throws SQLException {
        String sql = "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
                + "public.\"" + table + "\" t";
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /**
     * Waits until no other client session is open, because a backend reports its counters when it ends: the
     * sandbox's seed sessions before the run, the suite's sessions after it.
     */
    private static void awaitOtherSessionsClosed(Sandbox sandbox) throws Exception {
        try (Connection connection = sandbox.cluster().superuser("postgres");
                Statement statement = connection.createStatement()) {
            for (int attempt = 0; attempt < 100; attempt++) {
                statement.execute("SELECT pg_stat_clear_snapshot()");
                try (ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
                                + " AND pid <> pg_backend_pid()")) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("other database sessions were still open after 10 s");
    }
}
