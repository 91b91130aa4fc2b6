package dev.catalogsmoke.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Prints one line per check (status, duration, name) with its message indented below, then the totals. */
public final class ConsoleReport {

    private static final String INDENT = "             ";

    private final PrintStream out;

    public ConsoleReport(PrintStream out) {
        this.out = out;
    }

    public void print(RunSummary summary) {
        out.println();
        for (CheckResult result : summary.results()) {
            out.printf(
                    Locale.ROOT,
                    "%-9s %7s  %s%n",
                    result.status().label(),
                    seconds(result.duration()),
                    result.displayName());
            if (!result.message().isEmpty() && result.status() != CheckStatus.PASSED) {
                for (String line : result.message().split("\n")) {
                    out.println(INDENT + line);
                }
            }
        }
        out.println();
        out.println(totals(summary));
    }

    /** Returns the closing line, such as {@code 10 passed, 1 failed, 0 skipped, 0 not ready in 3.2s}. */
    public static String totals(RunSummary summary) {
        return String.format(
                Locale.ROOT,
                "%d passed, %d failed, %d skipped, %d not ready in %s",
                summary.count(CheckStatus.PASSED),
                summary.count(CheckStatus.FAILED),
                summary.count(CheckStatus.SKIPPED),
                summary.count(CheckStatus.NOT_READY),
                seconds(summary.duration()));
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2fs", duration.toMillis() / 1000.0);
    }
}
