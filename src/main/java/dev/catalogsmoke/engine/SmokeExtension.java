package dev.catalogsmoke.engine;

import dev.catalogsmoke.postgres.StatementCounter;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Gives checks their {@link SmokeContext}, stops the run after the first failure under {@code --fail-fast}, and
 * publishes the number of SQL statements each check executed as evidence {@code sqlStatements}.
 */
public final class SmokeExtension
        implements ParameterResolver, ExecutionCondition, TestWatcher, BeforeEachCallback, AfterEachCallback {

    /** Evidence key of the number of SQL statements a check executed. */
    public static final String SQL_STATEMENTS = "sqlStatements";

    @Override
    public void beforeEach(ExtensionContext extension) {
        context(extension).checkStarted(Thread.currentThread());
        StatementCounter.start();
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        long statements = StatementCounter.stop();
        context(extension).checkFinished(Thread.currentThread());
        extension.publishReportEntry(SQL_STATEMENTS, String.valueOf(statements));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == SmokeContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return context(extension);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext extension) {
        if (extension.getConfigurationParameter(SmokeContexts.PARAMETER).isEmpty()) {
            return ConditionEvaluationResult.disabled("checks run only through the catalog-smoke runner");
        }
        SmokeContext context = context(extension);
        if (context.failFast() && context.failureSeen()) {
            return ConditionEvaluationResult.disabled("not run: --fail-fast is set and an earlier check failed");
        }
        return ConditionEvaluationResult.enabled("selected");
    }

    @Override
    public void testFailed(ExtensionContext extension, Throwable cause) {
        context(extension).recordFailure();
    }

    private static SmokeContext context(ExtensionContext extension) {
        String id = extension
                .getConfigurationParameter(SmokeContexts.PARAMETER)
                .orElseThrow(() -> new IllegalStateException("checks run only through the catalog-smoke runner"));
        return SmokeContexts.get(id);
    }
}
