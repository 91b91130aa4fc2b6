package dev.catalogsmoke.engine;

import java.time.Duration;
import java.util.List;

/**
 * A named wait ran out of budget before the object became ready.
 *
 * <p>Reported with the status {@code NOT_READY}; a run whose only problems are of this kind exits with code 3.
 */
public class NotReadyException extends RuntimeException {

    private final String waitName;

    public NotReadyException(String waitName, Duration budget, Duration waited, String lastState, String next) {
        super("timed out waiting for " + waitName + " after " + seconds(waited) + " (budget " + seconds(budget)
                + "); last state: " + lastState + ". Next: " + next);
        this.waitName = waitName;
    }

    private NotReadyException(String waitName, String message) {
        super(message);
        this.waitName = waitName;
    }

    /** Combines waits that ran out on several objects into one, each message on its own line; needs at least one. */
    public static NotReadyException combined(List<NotReadyException> waits) {
        if (waits.size() == 1) {
            return waits.get(0);
        }
        List<String> lines = waits.stream().map(Throwable::getMessage).toList();
        return new NotReadyException(
                waits.size() + " waits", waits.size() + " waits timed out:\n" + String.join("\n", lines));
    }

    public String waitName() {
        return waitName;
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
