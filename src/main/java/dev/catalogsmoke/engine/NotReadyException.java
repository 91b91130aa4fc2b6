package dev.catalogsmoke.engine;

import java.time.Duration;

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

    public String waitName() {
        return waitName;
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
