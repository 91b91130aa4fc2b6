package dev.catalogsmoke.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.engine.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryComparisonTest {

    private static final String OBJECT = "database identity";

    private static final BaselineManifest MANIFEST = new BaselineManifest(
            "identity",
            List.of(
                    entry("1", 101),
                    entry("2", 1111),
                    entry("3", 303),
                    entry("4", 404),
                    new ManifestEntry(null, "views", "SQL", "R__views.sql", 999)));

    @Test
    void matchingHistoryHasNoProblem() {
        assertThat(compare(history(
                        row(1, "1", 101), row(2, "2", 1111), row(3, "3", 303), row(4, "4", 404), repeatable(5, 999))))
                .isEmpty();
    }

    @Test
    void failedRowIsNamed() {
        List<HistoryRow> rows = history(row(1, "1", 101), row(2, "2", 1111), row(3, "3", 303), repeatable(4, 999));
        rows.add(new HistoryRow(5, "4", "m4", "SQL", "V4__m4.sql", 404, false));

        assertThat(lines(compare(rows))).anySatisfy(line -> assertThat(line)
                .contains("failed migration version 4 (rank 5, script V4__m4.sql)")
                .contains("expected success = true, actual success = false"));
    }

    @Test
    void checksumMismatchShowsBoth() {
        List<String> lines = lines(compare(
                history(row(1, "1", 101), row(2, "2", 2222), row(3, "3", 303), row(4, "4", 404), repeatable(5, 999))));

        assertThat(lines)
                .singleElement()
                .asString()
                .contains("version 2 (V2__m2.sql): checksum differs from the manifest")
                .contains("expected 1111, actual 2222");
    }

    @Test
    void gapIsNamedAsGap() {
        List<String> lines =
                lines(compare(history(row(1, "1", 101), row(2, "2", 1111), row(3, "4", 404), repeatable(4, 999))));

        assertThat(lines)
                .singleElement()
                .asString()
                .contains("version 3 (V3__m3.sql) is not applied although version" + " 4 is");
    }

    @Test
    void pendingVersionIsNotCalledGap() {
        List<String> lines =
                lines(compare(history(row(1, "1", 101), row(2, "2", 1111), row(3, "3", 303), repeatable(4, 999))));

        assertThat(lines).singleElement().asString().contains("version 4 (V4__m4.sql) is not applied.");
    }

    @Test
    void unknownVersionIsNamed() {
        List<String> lines = lines(compare(history(
                row(1, "1", 101),
                row(2, "2", 1111),
                row(3, "3", 303),
                row(4, "4", 404),
                row(5, "5", 505),
                repeatable(6, 999))));

        assertThat(lines)
                .singleElement()
                .asString()
                .contains(
                        "version 5 (rank 5, script V5__m5.sql) is applied but the baseline manifest does not list it");
    }

    @Test
    void outOfOrderIsNamed() {
        List<String> lines = lines(compare(
                history(row(1, "1", 101), row(2, "2", 1111), row(3, "4", 404), row(4, "3", 303), repeatable(5, 999))));

        assertThat(lines)
                .singleElement()
                .asString()
                .contains("version 3 (rank 4, script V3__m3.sql) was applied out" + " of order, after version 4");
    }

    @Test
    void repeatableChecksumAndAbsenceAreNamed() {
        assertThat(lines(compare(history(
                        row(1, "1", 101), row(2, "2", 1111), row(3, "3", 303), row(4, "4", 404), repeatable(5, 998)))))
                .singleElement()
                .asString()
                .contains("repeatable R__views.sql has another checksum")
                .contains("expected 999, actual 998");
        assertThat(lines(compare(history(row(1, "1", 101), row(2, "2", 1111), row(3, "3", 303), row(4, "4", 404)))))
                .singleElement()
                .asString()
                .contains("repeatable R__views.sql is not applied");
    }

    @Test
    void manifestWithoutChecksumSkipsIt() {
        BaselineManifest loose =
                new BaselineManifest("identity", List.of(new ManifestEntry("1", "m1", "SQL", "V1__m1.sql", null)));

        assertThat(new HistoryComparison(OBJECT).compare(loose, history(row(1, "1", 5))))
                .isEmpty();
    }

    @Test
    void schemaMarkerRowIsIgnored() {
        BaselineManifest one = new BaselineManifest("identity", List.of(entry("1", 101)));
        List<HistoryRow> rows = history(row(1, "1", 101));
        rows.add(0, new HistoryRow(0, null, "<< Flyway Schema Creation >>", "SCHEMA", "\"public\"", null, true));

        assertThat(new HistoryComparison(OBJECT).compare(one, rows)).isEmpty();
    }

    private static List<Problem> compare(List<HistoryRow> rows) {
        return new HistoryComparison(OBJECT).compare(MANIFEST, rows);
    }

    private static List<String> lines(List<Problem> problems) {
        return problems.stream().map(Problem::line).toList();
    }

    private static ManifestEntry entry(String version, int checksum) {
        return new ManifestEntry(version, "m" + version, "SQL", "V" + version + "__m" + version + ".sql", checksum);
    }

    private static HistoryRow row(int rank, String version, int checksum) {
        return new HistoryRow(
                rank, version, "m" + version, "SQL", "V" + version + "__m" + version + ".sql", checksum, true);
    }

    private static HistoryRow repeatable(int rank, int checksum) {
        return new HistoryRow(rank, null, "views", "SQL", "R__views.sql", checksum, true);
    }

    private static List<HistoryRow> history(HistoryRow... rows) {
        return new ArrayList<>(List.of(rows));
    }
}
