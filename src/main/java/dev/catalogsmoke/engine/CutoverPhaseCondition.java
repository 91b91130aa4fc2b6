package dev.catalogsmoke.engine;

import dev.catalogsmoke.config.CutoverPhase;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Skips a check outside the cutover phases its {@link AppliesIn} declares, naming the run's phase. */
public final class CutoverPhaseCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext extension) {
        Optional<String> contextId = extension.getConfigurationParameter(SmokeContexts.PARAMETER);
        Optional<AnnotatedElement> element = extension.getElement();
        if (contextId.isEmpty() || element.isEmpty()) {
            return ConditionEvaluationResult.enabled("no run context, so no cutover phase to judge by");
        }
        CutoverPhase phase =
                SmokeContexts.get(contextId.get()).config().cutover().phase();
        Set<CutoverPhase> phases = declared(element.get());
        if (phases.contains(phase)) {
            return ConditionEvaluationResult.enabled("applies in cutover phase " + phase);
        }
        return ConditionEvaluationResult.disabled(
                "not run in cutover phase " + phase + " (cutover.phase): applies in " + describe(phases));
    }

    /** Returns the phases a class or method declares with {@link AppliesIn}; every phase when it declares none. */
    public static Set<CutoverPhase> declared(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, AppliesIn.class)
                .map(applies -> phases(applies.value()))
                .orElseGet(() -> EnumSet.allOf(CutoverPhase.class));
    }

    /** Returns the phases of a check method: its own {@link AppliesIn}, else its class's, else every phase. */
    public static Set<CutoverPhase> declared(Method method) {
        if (AnnotationSupport.isAnnotated(method, AppliesIn.class)) {
            return declared((AnnotatedElement) method);
        }
        return declared(method.getDeclaringClass());
    }

    /** Renders phases for a reader, such as {@code backfill, cutover}, or {@code every phase}. */
    public static String describe(Set<CutoverPhase> phases) {
        if (phases.size() == CutoverPhase.values().length) {
            return "every phase";
        }
        return phases.stream().map(CutoverPhase::key).collect(Collectors.joining(", "));
    }

    private static Set<CutoverPhase> phases(CutoverPhase[] values) {
        Set<CutoverPhase> phases = EnumSet.noneOf(CutoverPhase.class);
        phases.addAll(java.util.List.of(values));
        return phases;
    }
}
