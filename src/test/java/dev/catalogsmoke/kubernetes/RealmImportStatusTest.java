package dev.catalogsmoke.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealmImportStatusTest {

    private static RealmImportStatus status(Object conditions) {
        GenericKubernetesResource resource = new GenericKubernetesResourceBuilder()
                .withNewMetadata()
                .withNamespace("iam")
                .withName("acme-realm")
                .endMetadata()
                .build();
        resource.setAdditionalProperty("spec", Map.of("realm", Map.of("realm", "acme")));
        if (conditions != null) {
            resource.setAdditionalProperty("status", Map.of("conditions", conditions));
        }
        return RealmImportStatus.of(resource);
    }

    private static Map<String, String> condition(String type, String status) {
        return Map.of("type", type, "status", status);
    }

    @Test
    void doneWithoutErrorsSucceeds() {
        RealmImportStatus status = status(List.of(condition("Done", "True"), condition("HasErrors", "False")));

        assertThat(status.succeeded()).isTrue();
        assertThat(status.realm()).isEqualTo("acme");
        assertThat(status.ref()).isEqualTo("iam/acme-realm");
    }

    @Test
    void letterCaseIsIgnored() {
        RealmImportStatus status = status(List.of(condition("DONE", "true"), condition("hasErrors", "FALSE")));

        assertThat(status.succeeded()).isTrue();
    }

    @Test
    void errorsFailEvenWhenDone() {
        RealmImportStatus status = status(List.of(
                condition("Done", "True"), Map.of("type", "HasErrors", "status", "True", "message", "invalid email")));

        assertThat(status.succeeded()).isFalse();
        assertThat(status.describe()).isEqualTo("Done true, HasErrors true (invalid email)");
    }

    @Test
    void missingStatusIsPending() {
        RealmImportStatus status = status(null);

        assertThat(status.succeeded()).isFalse();
        assertThat(status.describe()).isEqualTo("Done (absent), HasErrors (absent)");
    }
}
