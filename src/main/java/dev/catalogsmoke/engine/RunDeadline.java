package dev.catalogsmoke.engine;

import dev.catalogsmoke.config.DurationDeserializer;
import dev.catalogsmoke.report.ResultCollector;
import dev.catalogsmoke.report.RunSummary;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a test plan within the run deadline ({@code run.deadline}).
 *
 * <p>The launcher runs on a daemon thread. When the deadline passes first, the run is cancelled through JUnit's
 * cancellation token, so no further check starts, and the threads of running checks are interrupted. The report is
 * closed at once, and every check without a result is reported NOT_READY with "run deadline reached". A check stuck
 * in a blocking socket read is left to its own read timeout, and its late result is ignored.
 */
final class RunDeadline {

    private static final Logger log = LoggerFactory.getLogger(RunDeadline.class);

    private final Duration deadline;

    RunDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    RunSummary execute(Launcher launcher, TestPlan plan, ResultCollector collector, SmokeContext context) {
        CancellationToken cancellation = CancellationToken.create();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread worker = new Thread(
                () -> {
                    try {
                        launcher.execute(LauncherExecutionRequestBuilder.request(plan)
                                .listeners(collector)
                                .cancellationToken(cancellation)
                                .build());
                    } catch (Throwable e) {
                        error.set(e);
                    }
                },
                "catalog-smoke-run");
        worker.setDaemon(true);
        worker.start();
        if (!finishesInTime(worker)) {
            cancellation.cancel();
            int interrupted = context.interruptRunningChecks();
            log.warn(
                    "run deadline {} reached: cancelled the run, interrupted {} running checks",
                    DurationDeserializer.format(deadline),
                    interrupted);
            return collector.closeAtDeadline(message("before this check started"), message("while it was running"));
        }
        rethrow(error.get());
        return collector.summary();
    }

    private boolean finishesInTime(Thread worker) {
        try {
            worker.join(Math.max(1, deadline.toMillis()));
            return !worker.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String message(String when) {
        return "run deadline reached: run.deadline (" + DurationDeserializer.format(deadline) + ") passed " + when
                + ". Raise run.deadline (CATALOG_SMOKE_RUN_DEADLINE) while keeping it below the Job's"
                + " activeDeadlineSeconds, or lower the wait budgets of the checks that used the time";
    }

    private static void rethrow(Throwable error) {
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        if (error != null) {
            throw new IllegalStateException("the JUnit launcher failed: " + error, error);
        }
    }
}
