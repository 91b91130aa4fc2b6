package dev.catalogsmoke.bench;

import dev.catalogsmoke.bench.KeycloakScaling.CountResult;
import dev.catalogsmoke.bench.KeycloakScaling.Series;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Writes the Keycloak scaling results as a Markdown page: one row per series, then each check's median. */
final class KeycloakScalingReport {

    private final KeycloakScaling.Settings settings;
    private final List<CountResult> results;

    KeycloakScalingReport(KeycloakScaling.Settings settings, List<CountResult> results) {
        this.settings = settings;
        this.results = results;
    }

    String markdown() {
        StringBuilder page = new StringBuilder();
        page.append(String.format(
                Locale.ROOT,
                "Measured %s on %d cores, Java %s, load average at the end %.2f.%nSuite JVM options: `%s`; %d runs"
                        + " per series, medians shown.%n%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                String.join(" ", settings.javaOptions()),
                settings.repeats()));
        page.append("| realms checked | realms served | Keycloak start | exit codes | keycloak checks (median)"
                + " | all runs | ratio to the first row |\n|---:|---:|---:|---|---:|---|---:|\n");
        long baseline = results.isEmpty() ? 0 : median(results.get(0).series().get(0));
        for (CountResult count : results) {
            for (Series series : count.series()) {
                page.append(row(count, series, baseline));
            }
        }
        page.append(perCheck());
        return page.toString();
    }

    private static String row(CountResult count, Series series, long baseline) {
        long median = median(series);
        return String.format(
                Locale.ROOT,
                "| %d | %d | %.1f s | %s | %d ms | %s | %.1fx |%n",
                series.realmsChecked(),
                series.realmsServed(),
                count.keycloakStart().toMillis() / 1e3,
                series.runs().stream()
                        .map(run -> String.valueOf(run.exitCode()))
                        .collect(Collectors.joining(", ")),
                median,
                millis(series).stream().map(String::valueOf).collect(Collectors.joining(", ")),
                baseline == 0 ? 0.0 : (double) median / baseline);
    }

    private String perCheck() {
        Set<String> ids = new LinkedHashSet<>();
        results.forEach(count -> count.series()
                .forEach(series -> series.runs().forEach(run -> run.checks().forEach(check -> ids.add(check.id())))));
        StringBuilder table =
                new StringBuilder("\nPer check, median duration in ms and status of the last run:\n\n|" + " check |");
        StringBuilder rule = new StringBuilder("|---|");
        results.forEach(count -> count.series().forEach(series -> {
            table.append(' ')
                    .append(series.realmsChecked())
                    .append(" of ")
                    .append(series.realmsServed())
                    .append(" |");
            rule.append("---:|");
        }));
        table.append('\n').append(rule).append('\n');
        for (String id : ids) {
            table.append("| ").append(id).append(" |");
            results.forEach(count -> count.series()
                    .forEach(series ->
                            table.append(' ').append(checkCell(series, id)).append(" |")));
            table.append('\n');
        }
        return table.toString();
    }

    private static String checkCell(Series series, String id) {
        List<Long> durations = series.runs().stream()
                .map(run -> run.byId().get(id))
                .filter(check -> check != null)
                .map(SuiteProcess.Check::millis)
                .sorted()
                .toList();
        if (durations.isEmpty()) {
            return "-";
        }
        SuiteProcess.Check last =
                series.runs().get(series.runs().size() - 1).byId().get(id);
        return durations.get(durations.size() / 2) + " " + (last == null ? "" : last.status());
    }

    private static List<Long> millis(Series series) {
        return series.runs().stream()
                .map(run -> run.taggedCheckMillis(KeycloakScaling.TAG))
                .toList();
    }

    private static long median(Series series) {
        List<Long> sorted = millis(series).stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
