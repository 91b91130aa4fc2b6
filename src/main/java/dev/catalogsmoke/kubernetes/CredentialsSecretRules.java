package dev.catalogsmoke.kubernetes;

import dev.catalogsmoke.engine.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules a database credentials Secret must meet: type {@code kubernetes.io/basic-auth}, a non-empty {@code
 * username} equal to the role, and a non-empty {@code password}. Other keys, such as CNPG's {@code host} or {@code
 * uri}, may be present and are never required.
 */
public final class CredentialsSecretRules {

    public static final String BASIC_AUTH = "kubernetes.io/basic-auth";

    private CredentialsSecretRules() {}

    public static List<Problem> problems(SecretSnapshot secret, String expectedRole) {
        List<Problem> problems = new ArrayList<>();
        String object = "Secret " + secret.ref();
        if (!BASIC_AUTH.equals(secret.type())) {
            problems.add(Problem.of(
                    object,
                    "wrong Secret type",
                    BASIC_AUTH,
                    secret.type(),
                    "Recreate the Secret with type " + BASIC_AUTH + ", as CNPG writes it for a managed role"));
        }
        textProblem(secret, "username").ifPresent(problems::add);
        Optional<String> username = secret.text("username").filter(value -> !value.isEmpty());
        if (username.isPresent() && !username.get().equals(expectedRole)) {
            problems.add(Problem.of(
                    object,
                    "key 'username' names another role",
                    "'" + expectedRole + "'",
                    "'" + username.get() + "'",
                    "Point the Secret at role " + expectedRole + ", or set the catalog's role in the configuration"));
        }
        textProblem(secret, "password").ifPresent(problems::add);
        return problems;
    }

    private static Optional<Problem> textProblem(SecretSnapshot secret, String key) {
        String object = "Secret " + secret.ref();
        String next = "Set key '" + key + "' in the Secret (for a CNPG managed role, in its passwordSecret)";
        if (!secret.has(key)) {
            return Optional.of(
                    Problem.of(object, "key '" + key + "' is missing; keys present: " + secret.keys(), next));
        }
        Optional<String> text = secret.text(key);
        if (text.isEmpty()) {
            int length = secret.data().get(key).length;
            return Optional.of(Problem.of(
                    object,
                    "value of key '" + key + "' is not valid UTF-8 text (" + length + " bytes)",
                    next + " as plain UTF-8 text, base64-encoded once in data"));
        }
        if (text.get().isEmpty()) {
            return Optional.of(Problem.of(object, "key '" + key + "' is empty; keys present: " + secret.keys(), next));
        }
        return Optional.empty();
    }
}
