package dev.catalogsmoke.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code catalog-smoke run} in a separate JVM, as a Job would, and reads back its summary.json: per check the
 * status, duration and SQL statements, and for the process the time to the first check and the peak RSS.
 */
final class SuiteProcess {

    /** A child that has not exited after this long is killed, so a benchmark never hangs. */
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    /** One check of the child's run. */
    record Check(String id, String status, List<String> tags, long millis, long statements) {}

    /** Output of one child run. */
    record Result(
            List<String> javaOptions,
            int exitCode,
            Duration wall,
            long runMillis,
            long startToFirstCheckMillis,
            long peakResidentKiB,
            List<Check> checks) {

        /** Returns the sum of the durations of checks tagged {@code postgres}. */
        long databaseCheckMillis() {
            return taggedCheckMillis("postgres");
        }

        /** Returns the sum of the durations of checks carrying {@code tag}. */
        long taggedCheckMillis(String tag) {
            return checks.stream()
                    .filter(check -> check.tags().contains(tag))
                    .mapToLong(Check::millis)
                    .sum();
        }

        Map<String, Check> byId() {
            Map<String, Check> byId = new LinkedHashMap<>();
            checks.forEach(check -> byId.put(check.id(), check));
            return byId;
        }
    }

    private SuiteProcess() {}

    static Result run(Path jar, List<String> javaOptions, Path config, Path reportsDir)
            throws IOException, InterruptedException {
        return run(jar, javaOptions, config, reportsDir, List.of());
    }

    /** Runs the suite with {@code runOptions} added, such as {@code --include-tag keycloak}. */
    static Result run(Path jar, List<String> javaOptions, Path config, Path reportsDir, List<String> runOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of(
                "-jar", jar.toString(), "run", "--config", config.toString(), "--reports-dir", reportsDir.toString()));
        command.addAll(runOptions);
        Files.createDirectories(reportsDir);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(reportsDir.resolve("output.log").toFile())
                .start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "the suite process did not exit within " + TIMEOUT + "; see " + reportsDir.resolve("output.log"));
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        return read(javaOptions, process.exitValue(), wall, reportsDir);
    }

    private static Result read(List<String> javaOptions, int exitCode, Duration wall, Path reportsDir)
            throws IOException {
        Path summaryFile = reportsDir.resolve("summary.json");
        if (!Files.exists(summaryFile)) {
            throw new IllegalStateException("the suite process exited with " + exitCode + " and wrote no summary; see "
                    + reportsDir.resolve("output.log"));
        }
        JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(summaryFile));
        List<Check> checks = new ArrayList<>();
        for (JsonNode check : summary.get("checks")) {
            List<String> tags = new ArrayList<>();
            check.get("tags").forEach(tag -> tags.add(tag.asString()));
            checks.add(new Check(
                    check.get("id").asString(),
                    check.get("status").asString(),
                    tags,
                    check.get("durationMillis").asLong(),
                    statements(check.get("evidence"))));
        }
        JsonNode run = summary.get("run");
        return new Result(
                List.copyOf(javaOptions),
                exitCode,
                wall,
                summary.get("durationMillis").asLong(),
                run.path("startToFirstCheckMillis").asLong(-1),
                run.path("peakResidentKiB").asLong(-1),
                checks);
    }

    private static long statements(JsonNode evidence) {
        for (JsonNode entry : evidence) {
            if (entry.has("sqlStatements")) {
                return entry.get("sqlStatements").asLong();
            }
        }
        return -1;
    }
}
