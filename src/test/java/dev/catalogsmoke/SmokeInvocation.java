package dev.catalogsmoke;

import dev.catalogsmoke.cli.CatalogSmoke;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the command line in this JVM and reads back what it wrote: exit code, output and summary.json. */
public record SmokeInvocation(int exitCode, String out, String err, Path reportsDir, JsonNode summary) {

    public static SmokeInvocation run(Path reportsDir, Map<String, String> environment, String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--reports-dir");
        arguments.add(reportsDir.toString());
        return runRaw(reportsDir, environment, arguments.toArray(String[]::new));
    }

    /** Runs exactly the given arguments, without adding {@code --reports-dir}. */
    public static SmokeInvocation runRaw(Path reportsDir, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = CatalogSmoke.execute(args, outStream, errStream, environment);
        }
        Path summaryFile = reportsDir == null ? null : reportsDir.resolve("summary.json");
        JsonNode summary = summaryFile != null && Files.exists(summaryFile) ? readJson(summaryFile) : null;
        return new SmokeInvocation(
                exitCode,
                out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8),
                reportsDir,
                summary);
    }

    /** Returns every check's status by id, from summary.json. */
    public Map<String, String> statuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        summary.get("checks")
                .forEach(check -> statuses.put(
                        check.get("id").asString(), check.get("status").asString()));
        return statuses;
    }

    public String message(String checkId) {
        for (JsonNode check : summary.get("checks")) {
            if (check.get("id").asString().equals(checkId)) {
                return check.get("message").asString();
            }
        }
        throw new AssertionError(
                "no check with id " + checkId + " in " + statuses().keySet());
    }

    /** Returns the ids of checks whose status is FAILED or NOT_READY. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        statuses().forEach((id, status) -> {
            if (status.equals("FAILED") || status.equals("NOT_READY")) {
                problems.put(id, status);
            }
        });
        return problems;
    }

    private static JsonNode readJson(Path file) {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
