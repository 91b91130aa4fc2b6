package dev.catalogsmoke.kubernetes;

import dev.catalogsmoke.engine.TransientException;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Turns fabric8 errors into messages that name the verb, resource and object, and sorts transient from fatal. */
final class KubernetesErrors {

    private KubernetesErrors() {}

    static RuntimeException classify(
            KubernetesClientException e, String verb, String resource, String namespace, String name) {
        String target = verb + " " + resource + " " + namespace + "/" + name;
        int code = e.getCode();
        if (code == 401) {
            return new KubernetesApiException("Kubernetes API rejected " + target + " with 401 Unauthorized;"
                    + " check the service account token or the kubeconfig credentials");
        }
        if (code == 403) {
            return new KubernetesApiException("Kubernetes API rejected " + target + " with 403 Forbidden;"
                    + " grant the service account '" + verb + "' on " + resource + " (see k8s-job.yaml)");
        }
        // fabric8 reports no HTTP status as code 0, or as -1 when its request timeout ran out.
        if (code <= 0 || code >= 500 || code == 429) {
            String reason =
                    code <= 0 ? rootMessage(e) : code + " " + e.getStatus().getMessage();
            return new TransientException("Kubernetes API did not complete " + target + ": " + reason, e);
        }
        return new KubernetesApiException("Kubernetes API rejected " + target + " with " + code + ": "
                + (e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage()));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
