package dev.catalogsmoke.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code summary.json}: the run's totals and, per check, id, tags, status, duration, message and evidence. */
public final class SummaryJson {

    public static final String FILE_NAME = "summary.json";

    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SummaryJson() {}

    public static Path write(RunSummary summary, int exitCode, Map<String, String> run, Path reportsDir)
            throws IOException {
        Files.createDirectories(reportsDir);
        Path file = reportsDir.resolve(FILE_NAME);
        Files.writeString(file, toJson(summary, exitCode, run));
        return file;
    }

    public static String toJson(RunSummary summary, int exitCode, Map<String, String> run) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("startedAt", summary.startedAt().toString());
        root.put("durationMillis", summary.duration().toMillis());
        root.put("exitCode", exitCode);
        root.put("run", run);
        Map<String, Long> totals = new LinkedHashMap<>();
        for (CheckStatus status : CheckStatus.values()) {
            totals.put(status.name().toLowerCase(java.util.Locale.ROOT), summary.count(status));
        }
        root.put("totals", totals);
        root.put("checks", summary.results().stream().map(SummaryJson::check).toList());
        return MAPPER.writeValueAsString(root);
    }

    private static Map<String, Object> check(CheckResult result) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("id", result.id());
        check.put("className", result.className());
        check.put("displayName", result.displayName());
        check.put("tags", result.tags());
        check.put("status", result.status().name());
        check.put("durationMillis", result.duration().toMillis());
        check.put("message", result.message());
        check.put("evidence", result.evidence().isEmpty() ? List.of() : result.evidence());
        return check;
    }
}
