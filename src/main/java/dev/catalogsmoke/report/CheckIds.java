package dev.catalogsmoke.report;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Stable ids and readable names for checks.
 *
 * <p>The id is {@code ClassName.method}, with {@code [invocation]} for parameterized checks, such as {@code
 * SecretsCheck.credentialsSecretIsUsable[identity]}. The display path joins display names with {@code " > "}.
 */
public final class CheckIds {

    private CheckIds() {}

    public static String idOf(TestIdentifier identifier, TestPlan plan) {
        if (identifier.getSource().orElse(null) instanceof ClassSource type) {
            return simpleName(type.getClassName());
        }
        if (!(identifier.getSource().orElse(null) instanceof MethodSource method)) {
            return identifier.getUniqueId();
        }
        String id = simpleName(method.getClassName()) + "." + method.getMethodName();
        boolean invocation = plan != null
                && plan.getParent(identifier)
                        .flatMap(TestIdentifier::getSource)
                        .filter(MethodSource.class::isInstance)
                        .isPresent();
        return invocation ? id + "[" + identifier.getDisplayName() + "]" : id;
    }

    public static String displayPath(TestIdentifier identifier, TestPlan plan) {
        Deque<String> names = new ArrayDeque<>();
        TestIdentifier current = identifier;
        while (current != null && current.getSource().isPresent()) {
            names.addFirst(current.getDisplayName());
            current = plan == null ? null : plan.getParent(current).orElse(null);
        }
        return String.join(" > ", names);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
