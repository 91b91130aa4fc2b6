package dev.catalogsmoke.bench;

import dev.catalogsmoke.sandbox.Sandbox;
import dev.catalogsmoke.sandbox.SandboxKeycloak;
import dev.catalogsmoke.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures how the checks tagged {@code keycloak} scale with the number of realms. For each realm count N it starts
 * the sandbox's real Keycloak with max(N, 3) realms (the sandbox seeds at least 3 tenants) and times that start,
 * then runs the keycloak checks in a separate JVM against the first N realms, and, for N above 1, once more against
 * one realm of the same Keycloak, each {@code repeats} times. Results go to {@code keycloak-results.md}.
 */
public final class KeycloakScaling {

    static final String MARKDOWN = "keycloak-results.md";

    /** The tag expression of the measured checks. */
    static final String TAG = "keycloak";

    private final Settings settings;
    private final PrintStream out;

    /** Realm counts to measure, runs per count, the suite jar and JVM options, and the output folder. */
    public record Settings(List<Integer> realms, int repeats, Path jar, List<String> javaOptions, Path outputDir) {}

    /** The suite runs against {@code realmsChecked} realms of a Keycloak that serves {@code realmsServed}. */
    record Series(int realmsChecked, int realmsServed, List<SuiteProcess.Result> runs) {}

    /** Everything measured at one realm count. */
    record CountResult(int realms, int realmsServed, Duration keycloakStart, List<Series> series) {}

    public KeycloakScaling(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public void run() throws IOException, InterruptedException {
        Files.createDirectories(settings.outputDir());
        List<CountResult> results = new ArrayList<>();
        for (int realms : settings.realms()) {
            results.add(measure(realms));
            Files.writeString(
                    settings.outputDir().resolve(MARKDOWN), new KeycloakScalingReport(settings, results).markdown());
        }
        out.println("benchmark: results in " + settings.outputDir().resolve(MARKDOWN));
    }

    private CountResult measure(int realms) throws IOException, InterruptedException {
        int served = Math.max(realms, SandboxOptions.defaults().tenants());
        out.printf("benchmark: starting Keycloak with %d realms%n", served);
        long started = System.nanoTime();
        try (SandboxKeycloak keycloak = SandboxKeycloak.start(served)) {
            Duration start = Duration.ofNanos(System.nanoTime() - started);
            out.printf("benchmark: Keycloak with %d realms started in %.1fs%n", served, start.toMillis() / 1e3);
            try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withTenants(served), keycloak)) {
                List<Series> series = new ArrayList<>();
                series.add(runSeries(sandbox, realms, served));
                if (realms > 1) {
                    series.add(runSeries(sandbox, 1, served));
                }
                return new CountResult(realms, served, start, series);
            }
        }
    }

    private Series runSeries(Sandbox sandbox, int checked, int served) throws IOException, InterruptedException {
        Path dir = settings.outputDir().resolve("keycloak-" + served).resolve("checked-" + checked);
        Path config = Benchmark.writeSuiteConfig(sandbox, dir.resolve("config.yaml"), checked);
        List<SuiteProcess.Result> runs = new ArrayList<>();
        for (int i = 1; i <= settings.repeats(); i++) {
            SuiteProcess.Result result = SuiteProcess.run(
                    settings.jar(),
                    settings.javaOptions(),
                    config,
                    dir.resolve("run-" + i),
                    List.of("--include-tag", TAG));
            out.printf(
                    "benchmark: %d of %d realms, run %d: exit %d, keycloak checks %d ms%n",
                    checked, served, i, result.exitCode(), result.taggedCheckMillis(TAG));
            runs.add(result);
        }
        return new Series(checked, served, runs);
    }
}
