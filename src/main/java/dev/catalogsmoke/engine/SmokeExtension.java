package dev.catalogsmoke.engine;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/** Gives checks their {@link SmokeContext} and stops the run after the first failure under {@code --fail-fast}. */
public final class SmokeExtension implements ParameterResolver, ExecutionCondition, TestWatcher {

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
