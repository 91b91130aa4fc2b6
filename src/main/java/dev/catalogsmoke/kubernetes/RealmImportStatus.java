package dev.catalogsmoke.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status that the Keycloak operator reported for one {@code KeycloakRealmImport}: the realm it imports ({@code
 * spec.realm.realm}) and its {@code Done} and {@code HasErrors} conditions. Condition types and statuses are read
 * without regard to letter case, as operator versions differ in it.
 */
public record RealmImportStatus(String ref, String realm, String done, String hasErrors, String message) {

    static RealmImportStatus of(GenericKubernetesResource resource) {
        String ref = resource.getMetadata().getNamespace() + "/"
                + resource.getMetadata().getName();
        String realm = null;
        if (resource.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec
                && spec.get("realm") instanceof Map<?, ?> representation) {
            realm = String.valueOf(representation.get("realm"));
        }
        String done = null;
        String hasErrors = null;
        String message = "";
        if (resource.getAdditionalProperties().get("status") instanceof Map<?, ?> status
                && status.get("conditions") instanceof List<?> conditions) {
            for (Object item : conditions) {
                if (!(item instanceof Map<?, ?> condition)) {
                    continue;
                }
                String type = String.valueOf(condition.get("type")).toLowerCase(Locale.ROOT);
                String value = String.valueOf(condition.get("status")).toLowerCase(Locale.ROOT);
                if (type.equals("done")) {
                    done = value;
                } else if (type.equals("haserrors")) {
                    hasErrors = value;
                    message = condition.get("message") == null ? "" : String.valueOf(condition.get("message"));
                }
            }
        }
        return new RealmImportStatus(ref, realm, done, hasErrors, message);
    }

    /** Returns whether the import finished without errors: {@code Done} true and {@code HasErrors} not true. */
    public boolean succeeded() {
        return "true".equals(done) && !"true".equals(hasErrors);
    }

    public String describe() {
        return "Done " + (done == null ? "(absent)" : done) + ", HasErrors "
                + (hasErrors == null ? "(absent)" : hasErrors) + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
