package dev.catalogsmoke.cli;

import dev.catalogsmoke.bench.Benchmark;
import dev.catalogsmoke.bench.KeycloakScaling;
import dev.catalogsmoke.config.ConfigException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "benchmark",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Seed the sandbox at each size, run the suite in a separate JVM and a naive per-row peer on the"
                + " same data, and write results.md and results.json. See docs/benchmarks.md.")
final class BenchmarkCommand implements Callable<Integer> {

    private final PrintStream out;

    @Option(
            names = "--sizes",
            split = ",",
            paramLabel = "N",
            defaultValue = "100,1000,10000,100000",
            description = "Numbers of tenants to seed, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes = new ArrayList<>();

    @Option(
            names = "--java-options",
            paramLabel = "OPTIONS",
            defaultValue = "-Xmx128m -Xss512k -XX:+UseSerialGC",
            description = "JVM options of the suite process, space-separated (default: ${DEFAULT-VALUE}).")
    String javaOptions;

    @Option(
            names = "--cds-archive",
            paramLabel = "FILE",
            description = "Also run the suite with this AppCDS archive, created by a training run when missing.")
    Path cdsArchive;

    @Option(
            names = "--naive-budget",
            paramLabel = "SECONDS",
            defaultValue = "120",
            description = "Seconds each part of the naive peer may run before its total is estimated"
                    + " (default: ${DEFAULT-VALUE}).")
    int naiveBudgetSeconds;

    @Option(
            names = "--keycloak-realms",
            split = ",",
            paramLabel = "N",
            description = "Measure the Keycloak checks instead: start the sandbox's Keycloak with each number of realms"
                    + " (comma-separated, at least 3 are served) and run the checks tagged keycloak against them.")
    List<Integer> keycloakRealms = new ArrayList<>();

    @Option(
            names = "--repeat",
            paramLabel = "RUNS",
            defaultValue = "3",
            description = "With --keycloak-realms: suite runs per realm count (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            defaultValue = "target/benchmark",
            description = "Folder for results and each run's reports (default: ${DEFAULT-VALUE}).")
    Path output;

    BenchmarkCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (!keycloakRealms.isEmpty()) {
            return measureKeycloak();
        }
        for (int size : sizes) {
            if (size < 3) {
                throw new ConfigException("--sizes " + size + ": the sandbox needs at least 3 tenants");
            }
        }
        if (naiveBudgetSeconds < 1) {
            throw new ConfigException("--naive-budget " + naiveBudgetSeconds + ": expected at least 1 second");
        }
        List<String> options = javaOptions();
        new Benchmark(
                        new Benchmark.Settings(
                                List.copyOf(sizes),
                                runningJar(),
                                options,
                                cdsArchive == null ? null : cdsArchive.toAbsolutePath(),
                                Duration.ofSeconds(naiveBudgetSeconds),
                                output.toAbsolutePath()),
                        out)
                .run();
        return ExitCodes.PASSED;
    }

    private Integer measureKeycloak() throws Exception {
        for (int realms : keycloakRealms) {
            if (realms < 1) {
                throw new ConfigException("--keycloak-realms " + realms + ": expected at least 1 realm");
            }
        }
        if (repeat < 1) {
            throw new ConfigException("--repeat " + repeat + ": expected at least 1 run");
        }
        new KeycloakScaling(
                        new KeycloakScaling.Settings(
                                List.copyOf(keycloakRealms),
                                repeat,
                                runningJar(),
                                javaOptions(),
                                output.toAbsolutePath()),
                        out)
                .run();
        return ExitCodes.PASSED;
    }

    private List<String> javaOptions() {
        return javaOptions.isBlank() ? List.of() : List.of(javaOptions.trim().split("\\s+"));
    }

    private static Path runningJar() throws URISyntaxException {
        Path location = Path.of(BenchmarkCommand.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
            throw new ConfigException("benchmark runs the suite from the packaged jar, but this process runs from "
                    + location + "; build it with 'mvn -B -DskipTests package' and run 'java -jar"
                    + " target/catalog-smoke.jar benchmark'");
        }
        return location;
    }
}
