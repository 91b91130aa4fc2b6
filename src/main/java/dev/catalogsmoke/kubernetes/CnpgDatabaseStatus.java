package dev.catalogsmoke.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;

/**
 * What the CNPG operator reported for one {@code Database}: {@code status.applied}, {@code status.message} and
 * {@code status.observedGeneration}, against {@code metadata.generation}.
 *
 * <p>{@code readable} is false when the status has a shape the operator never writes; such a status is a failure.
 */
public record CnpgDatabaseStatus(
        String ref,
        boolean readable,
        Boolean applied,
        String message,
        Long observedGeneration,
        Long generation,
        String specName,
        String specOwner,
        String specCluster) {

    static CnpgDatabaseStatus of(GenericKubernetesResource resource) {
        String ref = resource.getMetadata().getNamespace() + "/"
                + resource.getMetadata().getName();
        Map<String, Object> spec = CnpgDatabaseReader.spec(resource);
        Object statusNode = resource.getAdditionalProperties().get("status");
        Long generation = resource.getMetadata().getGeneration();
        String name = text(spec.get("name"));
        String owner = text(spec.get("owner"));
        String cluster = spec.get("cluster") instanceof Map<?, ?> c ? text(c.get("name")) : null;
        if (statusNode == null) {
            return new CnpgDatabaseStatus(ref, true, null, null, null, generation, name, owner, cluster);
        }
        if (!(statusNode instanceof Map<?, ?> status)) {
            return new CnpgDatabaseStatus(ref, false, null, null, null, generation, name, owner, cluster);
        }
        Object applied = status.get("applied");
        Object observed = status.get("observedGeneration");
        boolean readable =
                (applied == null || applied instanceof Boolean) && (observed == null || observed instanceof Number);
        return new CnpgDatabaseStatus(
                ref,
                readable,
                applied instanceof Boolean b ? b : null,
                text(status.get("message")),
                observed instanceof Number n ? n.longValue() : null,
                generation,
                name,
                owner,
                cluster);
    }

    /** Applied for the generation the operator last saw, and that is the current one. */
    public boolean isApplied() {
        return readable
                && Boolean.TRUE.equals(applied)
                && observedGeneration != null
                && observedGeneration.equals(generation);
    }

    /** Quotes every status field, for wait states and failure messages. */
    public String describe() {
        if (!readable) {
            return "Database " + ref + " has a status that cannot be read (unexpected types in status.applied"
                    + " or status.observedGeneration)";
        }
        return "Database " + ref + " status.applied=" + applied + ", status.message=" + quote(message)
                + ", status.observedGeneration=" + observedGeneration + ", metadata.generation=" + generation;
    }

    private static String quote(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
