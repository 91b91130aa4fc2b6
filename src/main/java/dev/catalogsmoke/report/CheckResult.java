package dev.catalogsmoke.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The result of one check: its stable id, display name, tags, status, duration, message and the evidence it
 * published (what was compared).
 */
public record CheckResult(
        String id,
        String className,
        String displayName,
        List<String> tags,
        CheckStatus status,
        Duration duration,
        String message,
        List<Map<String, String>> evidence) {}
