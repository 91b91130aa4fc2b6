package dev.catalogsmoke.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one task per item with at most {@code maxConcurrent} tasks at a time and a time limit per task, and returns
 * one outcome per item in the order of the items, whatever order the tasks finish in.
 *
 * <p>Meant for checks that fan out over many independent objects, such as one request per Keycloak realm: with
 * {@code maxConcurrent} 4, 100 realms take about 25 times one realm's latency instead of 100 times, and the server
 * never sees more than 4 requests from the suite at once. A task that runs past {@code perTask} is interrupted and
 * reported as timed out; a task that ignores interruption (a blocking JDBC read) is abandoned when the whole batch's
 * limit, {@code perTask} times the number of rounds, runs out.
 */
public final class BoundedConcurrency {

    private final int maxConcurrent;
    private final Duration perTask;
    private final String name;

    /** The outcome of one item: a value, or the error the task threw, or a time-out. */
    public record Outcome<T, R>(T item, R value, Throwable error, boolean timedOut) {

        public boolean succeeded() {
            return error == null && !timedOut;
        }
    }

    /** {@code name} names the threads, such as {@code "realm check"}, so a thread dump shows what they are for. */
    public BoundedConcurrency(int maxConcurrent, Duration perTask, String name) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        if (perTask.isNegative() || perTask.isZero()) {
            throw new IllegalArgumentException("perTask must be positive, got " + perTask);
        }
        this.maxConcurrent = maxConcurrent;
        this.perTask = perTask;
        this.name = name;
    }

    /** Runs {@code task} for every item and returns the outcomes in item order. */
    public <T, R> List<Outcome<T, R>> run(List<T> items, Function<T, R> task) {
        ExecutorService pool = Executors.newFixedThreadPool(maxConcurrent, daemonThreads(name));
        ScheduledExecutorService watchdog =
                Executors.newSingleThreadScheduledExecutor(daemonThreads(name + " watchdog"));
        try {
            List<Future<R>> futures = new ArrayList<>();
            List<AtomicBoolean> timedOut = new ArrayList<>();
            for (T item : items) {
                AtomicBoolean expired = new AtomicBoolean();
                timedOut.add(expired);
                futures.add(pool.submit(() -> runWithLimit(item, task, watchdog, expired)));
            }
            return collect(items, futures, timedOut);
        } finally {
            pool.shutdownNow();
            watchdog.shutdownNow();
        }
    }

    private <T, R> R runWithLimit(
            T item, Function<T, R> task, ScheduledExecutorService watchdog, AtomicBoolean expired) {
        Thread worker = Thread.currentThread();
        ScheduledFuture<?> alarm = watchdog.schedule(
                () -> {
                    expired.set(true);
                    worker.interrupt();
                },
                perTask.toNanos(),
                TimeUnit.NANOSECONDS);
        try {
            return task.apply(item);
        } finally {
            alarm.cancel(false);
            Thread.interrupted();
        }
    }

    private <T, R> List<Outcome<T, R>> collect(List<T> items, List<Future<R>> futures, List<AtomicBoolean> timedOut) {
        long rounds = (items.size() + maxConcurrent - 1) / maxConcurrent;
        long batchDeadline = System.nanoTime() + perTask.toNanos() * Math.max(1, rounds) + perTask.toNanos();
        List<Outcome<T, R>> outcomes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            outcomes.add(outcome(items.get(i), futures.get(i), timedOut.get(i), batchDeadline));
        }
        return outcomes;
    }

    private static <T, R> Outcome<T, R> outcome(T item, Future<R> future, AtomicBoolean expired, long deadline) {
        try {
            long remaining = Math.max(0, deadline - System.nanoTime());
            R value = future.get(remaining, TimeUnit.NANOSECONDS);
            return new Outcome<>(item, value, null, false);
        } catch (ExecutionException e) {
            return new Outcome<>(item, null, e.getCause(), expired.get());
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome<>(item, null, null, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new Outcome<>(item, null, e, false);
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + " " + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
