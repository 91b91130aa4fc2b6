package dev.catalogsmoke.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Figures about this process that the summary records for capacity planning: the time from process start to the
 * first check, and the peak resident set size.
 *
 * <p>The first check is marked once per process, so the figure is meaningful for the command line, which runs the
 * suite once; a test that runs the suite several times in one JVM sees the first run's figure.
 */
public final class ProcessStats {

    private static final AtomicReference<Instant> FIRST_CHECK = new AtomicReference<>();

    private ProcessStats() {}

    /** Marks the start of the first check in this process; later calls change nothing. */
    static void markFirstCheck() {
        FIRST_CHECK.compareAndSet(null, Instant.now());
    }

    /**
     * Returns the time from the operating system's start of this process to the first check. Linux reports a
     * process's start time in clock ticks (usually 10 ms), so the figure is accurate to about that.
     */
    public static Optional<Duration> startToFirstCheck() {
        Instant first = FIRST_CHECK.get();
        Optional<Instant> processStart = ProcessHandle.current().info().startInstant();
        if (first == null || processStart.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(processStart.get(), first));
    }

    /** Returns the peak resident set size of this process in KiB (VmHWM in /proc/self/status), where Linux has it. */
    public static Optional<Long> peakResidentKiB() {
        return statusField(Path.of("/proc/self/status"), "VmHWM:");
    }

    static Optional<Long> statusField(Path status, String field) {
        try {
            return Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith(field))
                    .map(line -> line.substring(field.length()).trim().split("\\s+")[0])
                    .map(Long::parseLong)
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
