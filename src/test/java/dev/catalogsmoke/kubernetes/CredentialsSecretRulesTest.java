package dev.catalogsmoke.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.engine.Problem;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsSecretRulesTest {

    @Test
    void thinSecretPasses() {
        assertThat(problems(CredentialsSecretRules.BASIC_AUTH, Map.of("username", "identity", "password", "p")))
                .isEmpty();
    }

    @Test
    void emptyPasswordNamesKeysPresent() {
        assertThat(problems(CredentialsSecretRules.BASIC_AUTH, Map.of("username", "identity", "password", "")))
                .singleElement()
                .asString()
                .contains("Secret ns/identity-db-credentials: key 'password' is empty; keys present: [password,"
                        + " username]");
    }

    @Test
    void everyProblemIsReported() {
        List<String> lines = problems("Opaque", Map.of("username", "tenancy"));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("wrong Secret type; expected kubernetes.io/basic-auth, actual Opaque");
        assertThat(lines.get(1)).contains("names another role; expected 'identity', actual 'tenancy'");
        assertThat(lines.get(2)).contains("key 'password' is missing");
    }

    @Test
    void secretValueNeverAppears() {
        assertThat(problems("Opaque", Map.of("username", "someone", "password", "hunter2-secret")))
                .allSatisfy(line -> assertThat(line).doesNotContain("hunter2-secret"));
    }

    private static List<String> problems(String type, Map<String, String> values) {
        Map<String, byte[]> data = new LinkedHashMap<>();
        values.forEach((key, value) -> data.put(key, value.getBytes(StandardCharsets.UTF_8)));
        SecretSnapshot secret = new SecretSnapshot("ns", "identity-db-credentials", type, "7", data);
        return CredentialsSecretRules.problems(secret, "identity").stream()
                .map(Problem::line)
                .toList();
    }
}
