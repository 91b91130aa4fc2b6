package dev.catalogsmoke.kubernetes;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Asks API discovery whether the API server serves a resource. Discovery is open to every authenticated client, so
 * it tells whether a CRD is installed without any permission on CustomResourceDefinitions.
 */
final class ApiDiscovery {

    private ApiDiscovery() {}

    /**
     * Returns whether {@code groupVersion} (such as {@code postgresql.cnpg.io/v1}) serves {@code plural}. A 404 means
     * the group is not served; other errors are classified by {@link KubernetesErrors}, so transient ones can be
     * retried by a wait.
     */
    static boolean serves(KubernetesAccess kubernetes, String groupVersion, String plural) {
        APIResourceList resources;
        try {
            resources = kubernetes.client().getApiResources(groupVersion);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw KubernetesErrors.classify(e, "discover", "apis", groupVersion, "");
        }
        if (resources == null || resources.getResources() == null) {
            return false;
        }
        return resources.getResources().stream().map(APIResource::getName).anyMatch(plural::equals);
    }
}
