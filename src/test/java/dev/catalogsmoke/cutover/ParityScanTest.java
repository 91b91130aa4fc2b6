package dev.catalogsmoke.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.config.SqlIdentifier;
import dev.catalogsmoke.cutover.ParityResult.Difference;
import dev.catalogsmoke.cutover.ParityResult.Kind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ParityScan against a real PostgreSQL: two databases, one table each, every kind of difference. */
class ParityScanTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        execute("postgres", "CREATE DATABASE legacy", "CREATE DATABASE current");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void equalSetsMatch() throws SQLException {
        ParityResult result = scan(
                "('b', 'x', 'T2'), ('a', 'y', 'T1'), ('a', 'x', 'T1')",
                "('a', 'x', 'T1'), ('a', 'y', 'T1'), ('b', 'x', 'T2')");

        assertThat(result.matchedKeys()).isEqualTo(3);
        assertThat(result.legacyRows()).isEqualTo(3);
        assertThat(result.newRows()).isEqualTo(3);
        for (Kind kind : Kind.values()) {
            assertThat(result.count(kind)).as(kind.name()).isZero();
        }
    }

    @Test
    void everyKindIsFoundOnce() throws SQLException {
        ParityResult result = scan(
                "('a', 's', 'U1'), ('b', 's', 'U2'), ('d', 's', 'U4'), ('d', 's', 'U5'), ('e', 's', 'U6'),"
                        + " (NULL, 's', 'U7')",
                "('a', 's', 'U1'), ('b', 's', 'U9'), ('c', 's', 'U3'), ('d', 's', 'U4'), ('f', 's', 'U8'),"
                        + " ('f', 's', 'U8'), ('g', NULL, 'U0')");

        assertThat(result.matchedKeys()).isEqualTo(1);
        assertThat(result.sample(Kind.DIFFERENT)).containsExactly(difference("b", "U2", "U9"));
        assertThat(result.sample(Kind.EXTRA)).containsExactly(difference("c", null, "U3"), extra("f", "U8", "U8"));
        assertThat(result.sample(Kind.DUPLICATE_IN_LEGACY))
                .containsExactly(new Difference(List.of("d", "s"), List.of("U4", "U5"), List.of("U4")));
        assertThat(result.sample(Kind.MISSING)).containsExactly(difference("e", "U6", null));
        assertThat(result.count(Kind.NULL_KEY_IN_LEGACY)).isEqualTo(1);
        assertThat(result.count(Kind.NULL_KEY_IN_NEW)).isEqualTo(1);
        assertThat(result.legacyRows()).isEqualTo(6);
        assertThat(result.newRows()).isEqualTo(7);
    }

    @Test
    void duplicateInNewIsFound() throws SQLException {
        ParityResult result = scan("('a', 's', 'U1')", "('a', 's', 'U1'), ('a', 's', 'U2')");

        assertThat(result.sample(Kind.DUPLICATE_IN_NEW))
                .containsExactly(new Difference(List.of("a", "s"), List.of("U1"), List.of("U1", "U2")));
        assertThat(result.matchedKeys()).isZero();
    }

    @Test
    void nearMissIssuersDiffer() throws SQLException {
        ParityResult result = scan(
                "('https://auth.example.test/realms/acme', 's', 'U1'), ('Ärger', 's', 'U2'), ('z', 's', 'U3')",
                "('https://auth.example.test/realms/acme/', 's', 'U1'), ('Ärger', 's', 'U2'), ('z', 's', 'U3')");

        assertThat(result.matchedKeys()).isEqualTo(2);
        assertThat(result.sample(Kind.MISSING))
                .containsExactly(difference("https://auth.example.test/realms/acme", "U1", null));
        assertThat(result.sample(Kind.EXTRA))
                .containsExactly(difference("https://auth.example.test/realms/acme/", null, "U1"));
    }

    @Test
    void sampleIsBoundedButCountIsNot() throws SQLException {
        execute("legacy", "DROP TABLE IF EXISTS links", "CREATE TABLE links (issuer text, subject text, user_id text)");
        execute(
                "current",
                "DROP TABLE IF EXISTS links",
                "CREATE TABLE links (issuer text, subject text, user_id text)");
        execute(
                "legacy",
                "INSERT INTO links SELECT 'issuer-' || i, 'subject', 'user-' || i FROM generate_series(1, 20000) i");
        execute(
                "current",
                "INSERT INTO links SELECT 'issuer-' || i, 'subject', 'user-' || i FROM generate_series(1, 20000) i"
                        + " WHERE i % 1000 <> 0");

        ParityResult result = scanTables(3);

        assertThat(result.count(Kind.MISSING)).isEqualTo(20);
        assertThat(result.sample(Kind.MISSING)).hasSize(3);
        assertThat(result.matchedKeys()).isEqualTo(19_980);
    }

    @Test
    void findingsNameTableKeyAndBothValues() throws SQLException {
        ParityResult result = scan("('a', 's', 'U2')", "('a', 's', 'U9')");
        ParityFindings findings = new ParityFindings(rows("legacy"), rows("current"));

        assertThat(findings.problems(result, java.util.EnumSet.allOf(Kind.class)))
                .singleElement()
                .extracting(dev.catalogsmoke.engine.Problem::line)
                .isEqualTo("table public.links in database current, issuer 'a', subject 's': user_id differs from"
                        + " legacy table public.links in database legacy; expected user_id 'U2', actual user_id"
                        + " 'U9'. Correct the row from the legacy table and make the backfill query deterministic");
        assertThat(findings.summary(result))
                .isEqualTo("legacy table public.links in database legacy has 1 rows, table public.links in database"
                        + " current has 1 rows; 0 keys match, 0 missing from the new table, 0 only in the new table,"
                        + " 1 with a different user_id, 0 duplicated, 0 with a NULL key");
    }

    private static Difference difference(String issuer, String legacy, String current) {
        return new Difference(
                Arrays.asList(issuer, "s"),
                legacy == null ? List.of() : List.of(legacy),
                current == null ? List.of() : List.of(current));
    }

    private static Difference extra(String issuer, String... values) {
        return new Difference(List.of(issuer, "s"), List.of(), List.of(values));
    }

    private static ParityResult scan(String legacyValues, String currentValues) throws SQLException {
        for (String database : List.of("legacy", "current")) {
            execute(
                    database,
                    "DROP TABLE IF EXISTS links",
                    "CREATE TABLE links (issuer text, subject text, user_id text)");
        }
        execute("legacy", "INSERT INTO links VALUES " + legacyValues);
        execute("current", "INSERT INTO links VALUES " + currentValues);
        return scanTables(5);
    }

    private static ParityResult scanTables(int sampleSize) throws SQLException {
        try (Connection legacy = connect("legacy");
                Connection current = connect("current")) {
            return ParityScan.scan(legacy, rows("legacy"), current, rows("current"), sampleSize);
        }
    }

    private static KeyedRows rows(String database) {
        return new KeyedRows(
                database,
                SqlIdentifier.of("public"),
                SqlIdentifier.of("links"),
                List.of(SqlIdentifier.of("issuer"), SqlIdentifier.of("subject")),
                SqlIdentifier.of("user_id"));
    }

    private static Connection connect(String database) throws SQLException {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    private static void execute(String database, String... statements) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
