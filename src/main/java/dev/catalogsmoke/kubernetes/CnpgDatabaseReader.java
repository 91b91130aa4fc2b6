package dev.catalogsmoke.kubernetes;

import dev.catalogsmoke.engine.Waits;
import dev.catalogsmoke.engine.Waits.Probe;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.Map;

/** Reads CloudNativePG {@code Database} resources ({@code postgresql.cnpg.io/v1}) and waits for them to apply. */
public final class CnpgDatabaseReader {

    public static final String GROUP_VERSION = "postgresql.cnpg.io/v1";

    static final ResourceDefinitionContext DATABASES = new ResourceDefinitionContext.Builder()
            .withGroup("postgresql.cnpg.io")
            .withVersion("v1")
            .withKind("Database")
            .withPlural("databases")
            .withNamespaced(true)
            .build();

    private final KubernetesAccess kubernetes;
    private final Waits waits;
    private final Duration budget;

    public CnpgDatabaseReader(KubernetesAccess kubernetes, Waits waits, Duration budget) {
        this.kubernetes = kubernetes;
        this.waits = waits;
        this.budget = budget;
    }

    /** Returns whether the API server serves CNPG {@code databases}, asked through API discovery. */
    public boolean databasesServed() {
        return waits.until(
                "API discovery of " + GROUP_VERSION,
                budget,
                () -> dev.catalogsmoke.engine.Waits.Probe.ready(discover()));
    }

    /** Asks API discovery once; a transient error, such as a request time-out, is retried by the wait. */
    private boolean discover() {
        return ApiDiscovery.serves(kubernetes, GROUP_VERSION, "databases");
    }

    /** Waits until the Database reports {@code applied: true} for its current generation, and returns its status. */
    public CnpgDatabaseStatus awaitApplied(String namespace, String name) {
        return waits.until("CNPG Database " + namespace + "/" + name, budget, () -> probe(namespace, name));
    }

    private Probe<CnpgDatabaseStatus> probe(String namespace, String name) {
        GenericKubernetesResource resource;
        try {
            resource = kubernetes
                    .client()
                    .genericKubernetesResources(DATABASES)
                    .inNamespace(namespace)
                    .withName(name)
                    .get();
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.classify(e, "get", "databases.postgresql.cnpg.io", namespace, name);
        }
        if (resource == null) {
            return Probe.pending("Database " + namespace + "/" + name + " not found");
        }
        CnpgDatabaseStatus status = CnpgDatabaseStatus.of(resource);
        if (!status.readable()) {
            throw new KubernetesApiException(status.describe() + "; check the CNPG operator version and the"
                    + " resource with kubectl get databases.postgresql.cnpg.io -o yaml");
        }
        return status.isApplied() ? Probe.ready(status) : Probe.pending(status.describe());
    }

    /** Reads the {@code spec} of a Database, for comparing the declared database and owner. */
    public static Map<String, Object> spec(GenericKubernetesResource resource) {
        Object spec = resource.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> map ? castMap(map) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
