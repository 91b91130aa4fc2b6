package dev.catalogsmoke.report;

import dev.catalogsmoke.engine.NotReadyException;
import dev.catalogsmoke.engine.PrerequisiteUnavailable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the JUnit Platform's execution events into {@link CheckResult}s, in the order of the test plan.
 *
 * <p>A container that fails before its checks run (for example in {@code @BeforeAll}) becomes a result of its own.
 */
public final class ResultCollector implements TestExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ResultCollector.class);

    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, String>>> evidence = new ConcurrentHashMap<>();
    private final Map<String, CheckResult> results = new ConcurrentHashMap<>();
    private final Map<String, CheckStatus> blockedBy = new ConcurrentHashMap<>();
    private final Map<String, TestIdentifier> running = new ConcurrentHashMap<>();
    private final java.util.Set<String> finished = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private final List<String> planOrder = new ArrayList<>();
    private TestPlan plan;
    private Instant runStartedAt = Instant.now();
    private long runStartedNanos = System.nanoTime();
    private Duration runDuration = Duration.ZERO;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        runStartedAt = Instant.now();
        runStartedNanos = System.nanoTime();
        testPlan.getRoots().forEach(root -> collectOrder(testPlan, root));
    }

    private void collectOrder(TestPlan testPlan, TestIdentifier identifier) {
        planOrder.add(identifier.getUniqueId());
        testPlan.getChildren(identifier).forEach(child -> collectOrder(testPlan, child));
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (closed) {
            return;
        }
        runDuration = Duration.ofNanos(System.nanoTime() - runStartedNanos);
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        startedAt.put(identifier.getUniqueId(), System.nanoTime());
        running.put(identifier.getUniqueId(), identifier);
        if (identifier.isTest()) {
            ProcessStats.markFirstCheck();
        }
    }

    /** Returns whether the identifier is a check: a test, or a parameterized template whose invocations never ran. */
    private static boolean isCheck(TestIdentifier identifier) {
        return identifier.isTest() || identifier.getSource().orElse(null) instanceof MethodSource;
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        if (isCheck(identifier)) {
            record(identifier, CheckStatus.SKIPPED, Duration.ZERO, reason);
        } else if (plan != null) {
            plan.getDescendants(identifier).stream()
                    .filter(ResultCollector::isCheck)
                    .forEach(test -> record(test, CheckStatus.SKIPPED, Duration.ZERO, reason));
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
        evidence.computeIfAbsent(identifier.getUniqueId(), id -> new ArrayList<>())
                .add(new LinkedHashMap<>(entry.getKeyValuePairs()));
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        finished.add(identifier.getUniqueId());
        running.remove(identifier.getUniqueId());
        Long start = startedAt.get(identifier.getUniqueId());
        Duration duration = start == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start);
        Optional<Throwable> error = result.getThrowable();
        if (!identifier.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return;
        }
        if (!identifier.isTest() && identifier.getSource().isEmpty()) {
            error.ifPresent(e -> log.error("check engine failed: {}", e.toString()));
        }
        if (!identifier.isTest() && error.isEmpty()) {
            return;
        }
        CheckStatus status =
                switch (result.getStatus()) {
                    case SUCCESSFUL -> CheckStatus.PASSED;
                    case ABORTED -> CheckStatus.SKIPPED;
                    case FAILED ->
                        error.filter(NotReadyException.class::isInstance).isPresent()
                                ? CheckStatus.NOT_READY
                                : CheckStatus.FAILED;
                };
        record(
                identifier,
                status,
                duration,
                error.map(ResultCollector::messageOf).orElse(""));
        if (error.orElse(null) instanceof PrerequisiteUnavailable blocked) {
            blockedBy.put(identifier.getUniqueId(), blocked.notReady() ? CheckStatus.NOT_READY : CheckStatus.FAILED);
        }
    }

    private synchronized void record(TestIdentifier identifier, CheckStatus status, Duration duration, String message) {
        if (closed) {
            log.debug("ignoring the result of {} that arrived after the run deadline", identifier.getDisplayName());
            return;
        }
        String id = identifier.getUniqueId();
        finished.add(id);
        results.put(
                id,
                new CheckResult(
                        CheckIds.idOf(identifier, plan),
                        className(identifier.getSource()),
                        CheckIds.displayPath(identifier, plan),
                        identifier.getTags().stream()
                                .map(TestTag::getName)
                                .sorted()
                                .toList(),
                        status,
                        duration,
                        message,
                        List.copyOf(evidence.getOrDefault(id, List.of()))));
    }

    private static String messageOf(Throwable error) {
        if (error instanceof AssertionError || error instanceof NotReadyException || error.getMessage() != null) {
            return String.valueOf(error.getMessage());
        }
        return error.getClass().getName();
    }

    private static String className(Optional<TestSource> source) {
        return source.map(s -> {
                    if (s instanceof MethodSource method) {
                        return method.getClassName();
                    }
                    return s instanceof ClassSource type ? type.getClassName() : "";
                })
                .orElse("");
    }

    /**
     * Stops taking results and reports every check without one as NOT_READY: {@code stillRunning} for checks that
     * had started, {@code notStarted} for the rest. A parameterized check whose invocations had begun is
     * represented by those invocations. Returns the summary as of this moment.
     */
    public synchronized RunSummary closeAtDeadline(String notStarted, String stillRunning) {
        runDuration = Duration.ofNanos(System.nanoTime() - runStartedNanos);
        if (plan != null) {
            for (String id : planOrder) {
                TestIdentifier identifier = plan.getTestIdentifier(id);
                if (isCheck(identifier) && !finished.contains(id) && !hasStartedInvocation(identifier)) {
                    boolean started = running.containsKey(id);
                    record(identifier, CheckStatus.NOT_READY, elapsed(id), started ? stillRunning : notStarted);
                }
            }
        }
        running.values().stream()
                .filter(TestIdentifier::isTest)
                .filter(identifier -> !results.containsKey(identifier.getUniqueId()))
                .forEach(identifier ->
                        record(identifier, CheckStatus.NOT_READY, elapsed(identifier.getUniqueId()), stillRunning));
        closed = true;
        return summary();
    }

    private boolean hasStartedInvocation(TestIdentifier template) {
        String prefix = template.getUniqueId() + "/";
        return running.keySet().stream().anyMatch(id -> id.startsWith(prefix))
                || finished.stream().anyMatch(id -> id.startsWith(prefix));
    }

    private Duration elapsed(String uniqueId) {
        Long start = startedAt.get(uniqueId);
        return start == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Returns the results in test plan order, which does not depend on thread scheduling. Invocations of a
     * parameterized check are registered only while it runs, so they sort under their template by unique id.
     */
    public synchronized RunSummary summary() {
        Map<String, Integer> position = new LinkedHashMap<>();
        for (int i = 0; i < planOrder.size(); i++) {
            position.put(planOrder.get(i), i);
        }
        Comparator<String> order = Comparator.<String>comparingInt(id -> planPosition(id, position))
                .thenComparing(Comparator.naturalOrder());
        boolean faultReported = results.values().stream()
                .anyMatch(result -> result.status() == CheckStatus.FAILED || result.status() == CheckStatus.NOT_READY);
        List<CheckResult> ordered = new ArrayList<>();
        results.keySet().stream()
                .sorted(order)
                .forEach(id -> ordered.add(faultReported ? results.get(id) : unblocked(id)));
        return new RunSummary(runStartedAt, runDuration, List.copyOf(ordered));
    }

    /**
     * Returns the result of a check skipped because a prerequisite failed, turned into a failure (or NOT_READY) when
     * no selected check reported that fault, so a run that checked nothing never passes.
     */
    private CheckResult unblocked(String id) {
        CheckResult result = results.get(id);
        CheckStatus status = blockedBy.get(id);
        if (status == null) {
            return result;
        }
        return new CheckResult(
                result.id(),
                result.className(),
                result.displayName(),
                result.tags(),
                status,
                result.duration(),
                "not checked, and no selected check reports the cause: " + result.message(),
                result.evidence());
    }

    private static int planPosition(String uniqueId, Map<String, Integer> position) {
        String id = uniqueId;
        while (true) {
            Integer found = position.get(id);
            if (found != null) {
                return found;
            }
            int segment = id.lastIndexOf("/[");
            if (segment < 0) {
                return Integer.MAX_VALUE;
            }
            id = id.substring(0, segment);
        }
    }
}
