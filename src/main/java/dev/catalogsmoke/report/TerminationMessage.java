package dev.catalogsmoke.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-screen summary of a run, written to the container's termination message file so that {@code kubectl get
 * pod -o yaml} shows the verdict in {@code status.containerStatuses[].state.terminated.message} after the logs are
 * gone.
 */
public final class TerminationMessage {

    /** The kubelet keeps at most 4096 bytes of a container's termination message. */
    public static final int MAX_BYTES = 4096;

    /** Maximum number of failed and not-ready checks listed by name. Any further ones are only counted. */
    static final int MAX_LISTED = 12;

    /** Maximum characters of a check's message kept in its line. */
    static final int MAX_MESSAGE_CHARS = 160;

    private static final Logger log = LoggerFactory.getLogger(TerminationMessage.class);

    private TerminationMessage() {}

    /** Returns the verdict and totals in one line, such as {@code catalog-smoke FAILED (exit code 1): 9 passed, ...}. */
    public static String headline(RunSummary summary, int exitCode) {
        return "catalog-smoke " + verdict(exitCode) + " (exit code " + exitCode + "): " + ConsoleReport.totals(summary);
    }

    /**
     * Renders the headline, the run's start, revision and namespace, and one line per failed or not-ready check with
     * the first line of its message, within {@link #MAX_BYTES}.
     */
    public static String render(RunSummary summary, int exitCode, String revision, String namespace) {
        StringBuilder text = new StringBuilder(headline(summary, exitCode)).append('\n');
        text.append("started ")
                .append(summary.startedAt())
                .append(", revision ")
                .append(revision.isEmpty() ? "not set" : revision)
                .append(", namespace ")
                .append(namespace)
                .append('\n');
        List<CheckResult> unsuccessful = summary.results().stream()
                .filter(result -> result.status() == CheckStatus.FAILED || result.status() == CheckStatus.NOT_READY)
                .toList();
        unsuccessful.stream().limit(MAX_LISTED).forEach(result -> text.append(line(result)));
        if (unsuccessful.size() > MAX_LISTED) {
            text.append("... and ").append(unsuccessful.size() - MAX_LISTED).append(" more; see summary.json\n");
        }
        return truncate(text.toString(), MAX_BYTES);
    }

    /**
     * Writes {@code text} to {@code path} when that file exists and is writable, as the kubelet provides it in a
     * container, and returns whether it did. Elsewhere, such as on a laptop, it logs why and writes nothing, so the
     * suite never creates {@code /dev/termination-log} on a host.
     */
    public static boolean writeIfPresent(String path, String text) {
        if (path.isEmpty()) {
            log.debug("termination message not written: publish.terminationMessagePath is empty");
            return false;
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file) || !Files.isWritable(file)) {
            log.info("termination message not written: {} is not an existing writable file (it is one in a pod)", file);
            return false;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            log.info("wrote the termination message to {}", file);
            return true;
        } catch (IOException e) {
            log.warn("termination message not written to {}: {}", file, e.toString());
            return false;
        }
    }

    private static String line(CheckResult result) {
        String message = result.message().lines().findFirst().orElse("").strip();
        if (message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS - 3) + "...";
        }
        return String.format(
                Locale.ROOT, "%-9s %s%n          %s%n", result.status().label(), result.displayName(), message);
    }

    private static String verdict(int exitCode) {
        return switch (exitCode) {
            case 0 -> "PASSED";
            case 1 -> "FAILED";
            case 2 -> "INVALID CONFIGURATION";
            case 3 -> "NOT READY";
            default -> "ERROR";
        };
    }

    /** Cuts {@code text} to at most {@code maxBytes} of UTF-8 without splitting a character. */
    static String truncate(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        String marker = "\n[truncated]\n";
        int end = maxBytes - marker.length();
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8) + marker;
    }
}
