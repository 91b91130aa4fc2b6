package dev.catalogsmoke.kubernetes;

import dev.catalogsmoke.engine.Waits;
import dev.catalogsmoke.engine.Waits.Probe;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.List;

/** Reads the Keycloak operator's {@code KeycloakRealmImport} resources ({@code k8s.keycloak.org/v2alpha1}). */
public final class RealmImportReader {

    public static final String GROUP_VERSION = "k8s.keycloak.org/v2alpha1";

    static final ResourceDefinitionContext IMPORTS = new ResourceDefinitionContext.Builder()
            .withGroup("k8s.keycloak.org")
            .withVersion("v2alpha1")
            .withKind("KeycloakRealmImport")
            .withPlural("keycloakrealmimports")
            .withNamespaced(true)
            .build();

    private final KubernetesAccess kubernetes;
    private final Waits waits;
    private final Duration budget;

    public RealmImportReader(KubernetesAccess kubernetes, Waits waits, Duration budget) {
        this.kubernetes = kubernetes;
        this.waits = waits;
        this.budget = budget;
    }

    /**
     * Returns whether the API server serves {@code keycloakrealmimports}, asked through API discovery. A transient
     * error (5xx, 429, connection refused, no response in time) is retried within the budget, as for the CNPG
     * {@code Database} resources; 401 and 403 fail at once, and a 404 means the group is not served.
     */
    public boolean served() {
        if (!kubernetes.enabled()) {
            return false;
        }
        return waits.until(
                "API discovery of " + GROUP_VERSION,
                budget,
                "check that the Kubernetes API server is reachable and healthy, or raise keycloak.realmBudget",
                () -> Probe.ready(servedNow()));
    }

    /** Asks API discovery once, for callers that only quote imports and must not wait; may throw a transient error. */
    public boolean servedNow() {
        return kubernetes.enabled() && ApiDiscovery.serves(kubernetes, GROUP_VERSION, "keycloakrealmimports");
    }

    /** Returns every import in the namespace as it is now. */
    public List<RealmImportStatus> list(String namespace) {
        try {
            return kubernetes
                    .client()
                    .genericKubernetesResources(IMPORTS)
                    .inNamespace(namespace)
                    .list()
                    .getItems()
                    .stream()
                    .map(RealmImportStatus::of)
                    .toList();
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.classify(e, "list", "keycloakrealmimports.k8s.keycloak.org", namespace, "");
        }
    }

    /**
     * Waits until every import in the namespace reports {@code Done} without errors, and returns them. A {@code
     * HasErrors} that clears within the budget is waited out, since the operator retries an import.
     */
    public List<RealmImportStatus> awaitSucceeded(String namespace) {
        return waits.until(
                "KeycloakRealmImports in namespace " + namespace,
                budget,
                "read the imports' conditions and the Keycloak operator's log; fix the realm representation and sync"
                        + " again",
                () -> {
                    List<RealmImportStatus> imports = list(namespace);
                    List<String> pending = imports.stream()
                            .filter(status -> !status.succeeded())
                            .map(status -> status.ref() + " (realm " + status.realm() + "): " + status.describe())
                            .toList();
                    return pending.isEmpty() ? Probe.ready(imports) : Probe.pending(String.join("; ", pending));
                });
    }
}
