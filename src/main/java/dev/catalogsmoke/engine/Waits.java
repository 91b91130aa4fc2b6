package dev.catalogsmoke.engine;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named, budgeted waits on top of Awaitility.
 *
 * <p>A probe returns {@link Probe#ready} or {@link Probe#pending} with what is still missing; it throws a {@link
 * TransientException} for an error worth retrying, and any other exception to stop the wait at once.
 */
public final class Waits {

    private static final Logger log = LoggerFactory.getLogger(Waits.class);

    /** Retries of one wait logged at INFO: the first, then every this many, so a long wait stays readable. */
    private static final int LOG_EVERY_RETRIES = 10;

    private final Duration pollInterval;
    private final java.util.Map<String, Integer> retryCount = new java.util.concurrent.ConcurrentHashMap<>();

    public Waits(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    /** Polls {@code probe} until it is ready, and throws {@link NotReadyException} when {@code budget} runs out. */
    public <T> T until(String name, Duration budget, Callable<Probe<T>> probe) {
        return until(
                name, budget, "if it is still on its way, raise the budget; otherwise fix it and sync again", probe);
    }

    /** Like {@link #until(String, Duration, Callable)}, with {@code next} telling the reader what to do on timeout. */
    public <T> T until(String name, Duration budget, String next, Callable<Probe<T>> probe) {
        AtomicReference<Probe<T>> last = new AtomicReference<>(Probe.pending("no attempt finished"));
        long started = System.nanoTime();
        try {
            await(name)
                    .atMost(budget)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(pollInterval.compareTo(budget) < 0 ? pollInterval : budget)
                    .pollInSameThread()
                    .until(() -> attempt(name, probe, last));
            return last.get().value();
        } catch (ConditionTimeoutException e) {
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            throw new NotReadyException(name, budget, waited, last.get().state(), next);
        }
    }

    private <T> boolean attempt(String name, Callable<Probe<T>> probe, AtomicReference<Probe<T>> last)
            throws Exception {
        try {
            Probe<T> result = probe.call();
            last.set(result);
            if (!result.ready()) {
                log.debug("wait '{}': {}", name, result.state());
            }
            return result.ready();
        } catch (TransientException e) {
            last.set(Probe.pending(e.getMessage()));
            int retries = retryCount.merge(name, 1, Integer::sum);
            if (retries == 1 || retries % LOG_EVERY_RETRIES == 0) {
                log.info("wait '{}': transient error, retry {}: {}", name, retries, e.getMessage());
            } else {
                log.debug("wait '{}': transient error, retry {}: {}", name, retries, e.getMessage());
            }
            return false;
        }
    }

    /** One observation of a waited-for object: ready with a value, or pending with what is still missing. */
    public record Probe<T>(boolean ready, T value, String state) {

        public static <T> Probe<T> ready(T value) {
            return new Probe<>(true, value, "ready");
        }

        public static <T> Probe<T> pending(String state) {
            return new Probe<>(false, null, state);
        }
    }
}
