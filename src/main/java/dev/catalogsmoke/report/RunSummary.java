package dev.catalogsmoke.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Every check result of one run in report order, with the run's start and duration. */
public record RunSummary(Instant startedAt, Duration duration, List<CheckResult> results) {

    public long count(CheckStatus status) {
        return results.stream().filter(result -> result.status() == status).count();
    }
}
