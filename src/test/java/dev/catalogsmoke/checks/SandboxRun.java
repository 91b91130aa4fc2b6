package dev.catalogsmoke.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.cli.CatalogSmoke;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code catalog-smoke sandbox} run through the command line, as an operator starts it, with its exit code,
 * console output and {@code summary.json} parsed per check id.
 */
record SandboxRun(int exitCode, String output, JsonNode summary) {

    static SandboxRun of(Path reportsDir, String... arguments) throws IOException {
        List<String> args =
                new ArrayList<>(List.of("sandbox", "--no-keycloak", "--reports-dir", reportsDir.toString()));
        args.addAll(List.of(arguments));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = CatalogSmoke.execute(args.toArray(String[]::new), stdout, stderr, Map.of());
        }
        String output = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        Path summary = reportsDir.resolve("summary.json");
        assertThat(summary)
                .as("summary.json of run %s; output:%n%s", args, output)
                .exists();
        return new SandboxRun(exitCode, output, JsonMapper.builder().build().readTree(Files.readString(summary)));
    }

    /** Returns the check with this id, such as {@code BackfillParityCheck.routingMatchesLegacy}. */
    JsonNode check(String id) {
        for (JsonNode check : summary.get("checks")) {
            if (check.get("id").asString().equals(id)) {
                return check;
            }
        }
        throw new AssertionError("no check " + id + " in summary.json; output:\n" + output);
    }

    String status(String id) {
        return check(id).get("status").asString();
    }

    String message(String id) {
        return check(id).get("message").asString();
    }

    /** Returns the value that the check published under {@code key} in its first evidence entry. */
    String evidence(String id, String key) {
        return check(id).get("evidence").get(0).get(key).asString();
    }

    /** Returns the ids of the checks with this status, in report order. */
    List<String> idsWithStatus(String status) {
        List<String> ids = new ArrayList<>();
        for (JsonNode check : summary.get("checks")) {
            if (check.get("status").asString().equals(status)) {
                ids.add(check.get("id").asString());
            }
        }
        return ids;
    }
}
