package dev.catalogsmoke.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.catalogsmoke.config.ConfigException;
import dev.catalogsmoke.report.ResultCollector;
import dev.catalogsmoke.report.RunSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.commons.PreconditionViolationException;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the check classes through the JUnit Platform Launcher, in this process, and collects their results.
 *
 * <p>The same path serves {@code run}, {@code sandbox} and {@code list}, so a check behaves alike in a Job, in CI and
 * by hand.
 */
public final class SuiteRunner {

    private final List<Class<?>> checkClasses;

    public SuiteRunner(List<Class<?>> checkClasses) {
        this.checkClasses = List.copyOf(checkClasses);
    }

    /** Discovers the checks that the options select, touching nothing outside this process. */
    public TestPlan discover(RunOptions options) {
        requireKnownTags(options);
        return launcher().discover(request(options, null, 1));
    }

    /**
     * Checks the selection before anything starts: the tag expressions parse, name only tags that some check
     * carries (a typo would otherwise select nothing, or everything, without a word), and select at least one check.
     */
    public void validate(RunOptions options) {
        TestPlan plan = discover(options);
        if (!plan.containsTests()) {
            throw noCheckSelected(options);
        }
    }

    private void requireKnownTags(RunOptions options) {
        Set<String> known = new TreeSet<>();
        TestPlan all = launcher()
                .discover(request(new RunOptions(List.of(), List.of(), options.reportsDir(), false), null, 1));
        all.getRoots().forEach(root -> all.getDescendants(root)
                .forEach(check -> check.getTags().forEach(tag -> known.add(tag.getName()))));
        List<String> expressions = new ArrayList<>(options.includeTags());
        expressions.addAll(options.excludeTags());
        for (String expression : expressions) {
            for (String name : expression.split("[&|!()\\s]+")) {
                if (!name.isEmpty() && !name.equals("any") && !name.equals("none") && !known.contains(name)) {
                    throw new ConfigException("tag expression '" + expression + "' names unknown tag '" + name
                            + "'; known tags: " + String.join(", ", known));
                }
            }
        }
    }

    private static ConfigException noCheckSelected(RunOptions options) {
        return new ConfigException("no check selected by the tag expressions (include " + options.includeTags()
                + ", exclude " + options.excludeTags() + "); run 'catalog-smoke list' to see the tags");
    }

    /** Runs the selected checks against the context and returns every result in report order. */
    public RunSummary run(SmokeContext context, RunOptions options) {
        String contextId = SmokeContexts.register(context);
        try {
            Launcher launcher = launcher();
            // --fail-fast promises that nothing runs after the first failure, which only one thread can keep.
            int parallelism = options.failFast() ? 1 : context.config().run().parallelism();
            requireKnownTags(options);
            LauncherDiscoveryRequest request = request(options, contextId, parallelism);
            TestPlan plan = launcher.discover(request);
            if (!plan.containsTests()) {
                throw noCheckSelected(options);
            }
            ResultCollector collector = new ResultCollector();
            return new RunDeadline(context.config().run().deadline()).execute(launcher, plan, collector, context);
        } finally {
            SmokeContexts.unregister(contextId);
        }
    }

    private LauncherDiscoveryRequest request(RunOptions options, String contextId, int parallelism) {
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                .selectors(checkClasses.stream().map(type -> selectClass(type)).toList())
                .configurationParameter(
                        "junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.platform.stacktrace.pruning.enabled", "true")
                .configurationParameters(parallelExecution(parallelism));
        if (contextId != null) {
            builder.configurationParameter(SmokeContexts.PARAMETER, contextId);
        }
        try {
            if (!options.includeTags().isEmpty()) {
                builder.filters(TagFilter.includeTags(options.includeTags()));
            }
            if (!options.excludeTags().isEmpty()) {
                builder.filters(TagFilter.excludeTags(options.excludeTags()));
            }
            return builder.build();
        } catch (PreconditionViolationException e) {
            throw new ConfigException("invalid tag expression: " + e.getMessage()
                    + "; use JUnit tag expressions such as 'postgres & !flyway'");
        }
    }

    /**
     * Returns the JUnit parameters that run up to {@code parallelism} check classes at once. The checks of one class
     * stay on one thread in their {@code @Order}, because later checks of a class may rely on earlier ones; checks
     * only read, so classes do not lock each other out. With 1, everything runs on the calling thread.
     */
    static Map<String, String> parallelExecution(int parallelism) {
        if (parallelism <= 1) {
            return Map.of("junit.jupiter.execution.parallel.enabled", "false");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("junit.jupiter.execution.parallel.enabled", "true");
        // A plain thread pool: the fork-join pool's hard max-pool-size fails checks that block in
        // CompletableFuture.join (the fabric8 client does) with "Thread limit exceeded replacing blocked worker".
        parameters.put("junit.jupiter.execution.parallel.config.executor-service", "worker_thread_pool");
        parameters.put("junit.jupiter.execution.parallel.mode.default", "same_thread");
        parameters.put("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
        parameters.put("junit.jupiter.execution.parallel.config.strategy", "fixed");
        parameters.put("junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(parallelism));
        parameters.put("junit.jupiter.execution.parallel.config.fixed.max-pool-size", String.valueOf(parallelism));
        parameters.put("junit.jupiter.execution.parallel.config.fixed.saturate", "false");
        return parameters;
    }

    private static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(true)
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
    }
}
