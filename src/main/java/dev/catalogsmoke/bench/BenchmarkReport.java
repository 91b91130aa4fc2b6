package dev.catalogsmoke.bench;

import dev.catalogsmoke.bench.Benchmark.SizeResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes the benchmark's results as a Markdown page (results.md) and as JSON (results.json). */
final class BenchmarkReport {

    static final String MARKDOWN = "results.md";
    static final String JSON = "results.json";

    private static final String ROUTING = "RoutingCheck.everyIssuerRoutesToOneActiveTenant";
    private static final String MEMBERSHIPS = "CrossCatalogCheck.membershipsReferenceExistingUsers";

    private final Benchmark.Settings settings;
    private final List<SizeResult> results;

    BenchmarkReport(Benchmark.Settings settings, List<SizeResult> results) {
        this.settings = settings;
        this.results = results;
    }

    void write(Path directory) throws IOException {
        Files.writeString(directory.resolve(MARKDOWN), markdown());
        Files.writeString(
                directory.resolve(JSON),
                JsonMapper.builder()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .build()
                        .writeValueAsString(json()));
    }

    String markdown() {
        StringBuilder page = new StringBuilder();
        page.append("Measured ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" on ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append(", load average at the end ")
                .append(String.format(
                        Locale.ROOT,
                        "%.2f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(".\nSuite JVM options: `")
                .append(String.join(" ", settings.javaOptions()))
                .append("`\n\n");
        summaryTable(page);
        page.append('\n');
        checkTable(page);
        return page.toString();
    }

    private void summaryTable(StringBuilder page) {
        page.append("| tenants | seed | suite exit | whole run | database checks (sum) | start to first check"
                + " (CDS) | peak RSS | naive routing | suite routing | ratio | naive memberships | suite"
                + " memberships | ratio |\n");
        page.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SizeResult result : results) {
            SuiteProcess.Result suite = result.suite();
            Map<String, SuiteProcess.Check> checks = suite.byId();
            page.append(String.format(
                    Locale.ROOT,
                    "| %,d | %s | %d | %s | %s | %d ms (%s) | %.0f MiB | %s | %s | %s | %s | %s | %s |%n",
                    result.tenants(),
                    seconds(result.seed()),
                    suite.exitCode(),
                    millis(suite.runMillis()),
                    millis(suite.databaseCheckMillis()),
                    suite.startToFirstCheckMillis(),
                    result.suiteWithCds() == null
                            ? "not measured"
                            : result.suiteWithCds().startToFirstCheckMillis() + " ms",
                    suite.peakResidentKiB() / 1024.0,
                    naive(result.naiveRouting()),
                    millis(checks.get(ROUTING).millis()),
                    ratio(result.naiveRouting(), checks.get(ROUTING)),
                    naive(result.naiveMemberships()),
                    millis(checks.get(MEMBERSHIPS).millis()),
                    ratio(result.naiveMemberships(), checks.get(MEMBERSHIPS))));
        }
    }

    private void checkTable(StringBuilder page) {
        page.append("Per check: duration / SQL statements executed\n\n| check |");
        results.forEach(result -> page.append(String.format(Locale.ROOT, " %,d |", result.tenants())));
        page.append("\n|---|");
        results.forEach(result -> page.append("---:|"));
        page.append('\n');
        Set<String> ids = new LinkedHashSet<>();
        results.forEach(result -> ids.addAll(result.suite().byId().keySet()));
        for (String id : ids) {
            page.append("| ").append(id).append(" |");
            for (SizeResult result : results) {
                SuiteProcess.Check check = result.suite().byId().get(id);
                page.append(
                        check == null
                                ? " - |"
                                : String.format(Locale.ROOT, " %d ms / %d |", check.millis(), check.statements()));
            }
            page.append('\n');
        }
        page.append("| naive routing statements |");
        results.forEach(result -> page.append(
                String.format(Locale.ROOT, " %,d |", result.naiveRouting().statements())));
        page.append("\n| naive membership statements |");
        results.forEach(result -> page.append(
                String.format(Locale.ROOT, " %,d |", result.naiveMemberships().statements())));
        page.append('\n');
    }

    private Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("measuredAt", Instant.now().toString());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("javaVersion", System.getProperty("java.version"));
        root.put("javaOptions", settings.javaOptions());
        root.put("sizes", results);
        return root;
    }

    private static String naive(NaivePeer.Part part) {
        String time = seconds(part.estimatedTotal());
        return part.finished()
                ? time
                : "~" + time + " (estimate: " + String.format(Locale.ROOT, "%,d", part.rows()) + " of "
                        + String.format(Locale.ROOT, "%,d", part.totalRows()) + " rows in " + seconds(part.elapsed())
                        + ")";
    }

    private static String ratio(NaivePeer.Part part, SuiteProcess.Check check) {
        double ratio = part.estimatedTotal().toMillis() / (double) Math.max(1, check.millis());
        return String.format(Locale.ROOT, ratio < 10 ? "%s%.1fx" : "%s%.0fx", part.finished() ? "" : "~", ratio);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String millis(long millis) {
        return String.format(Locale.ROOT, "%,d ms", millis);
    }
}
