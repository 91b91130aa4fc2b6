package dev.catalogsmoke.kubernetes;

import dev.catalogsmoke.engine.Waits;
import dev.catalogsmoke.engine.Waits.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Reads Secrets through the Kubernetes API, waiting for them to appear within a budget. */
public final class SecretReader {

    private final KubernetesAccess kubernetes;
    private final Waits waits;
    private final Duration budget;

    public SecretReader(KubernetesAccess kubernetes, Waits waits, Duration budget) {
        this.kubernetes = kubernetes;
        this.waits = waits;
        this.budget = budget;
    }

    /** Waits until the Secret exists and returns it; fails at once when the API server rejects the request. */
    public SecretSnapshot await(String namespace, String name) {
        String ref = namespace + "/" + name;
        return waits.until("secret " + ref, budget, () -> probe(namespace, name));
    }

    private Probe<SecretSnapshot> probe(String namespace, String name) {
        Secret secret;
        try {
            secret = kubernetes
                    .client()
                    .secrets()
                    .inNamespace(namespace)
                    .withName(name)
                    .get();
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.classify(e, "get", "secrets", namespace, name);
        }
        if (secret == null) {
            return Probe.pending("Secret " + namespace + "/" + name + " not found");
        }
        return Probe.ready(snapshot(secret));
    }

    static SecretSnapshot snapshot(Secret secret) {
        Map<String, byte[]> data = new HashMap<>();
        if (secret.getData() != null) {
            String ref = secret.getMetadata().getNamespace() + "/"
                    + secret.getMetadata().getName();
            secret.getData().forEach((key, value) -> data.put(key, decode(ref, key, value)));
        }
        return new SecretSnapshot(
                secret.getMetadata().getNamespace(),
                secret.getMetadata().getName(),
                secret.getType(),
                secret.getMetadata().getResourceVersion(),
                Map.copyOf(data));
    }

    private static byte[] decode(String ref, String key, String value) {
        if (value == null) {
            return new byte[0];
        }
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new KubernetesApiException("Secret " + ref + ": data of key '" + key + "' is not valid base64 ("
                    + e.getMessage() + "); the API server stores Secret data base64-encoded, so recreate the Secret"
                    + " with kubectl or stringData");
        }
    }
}
