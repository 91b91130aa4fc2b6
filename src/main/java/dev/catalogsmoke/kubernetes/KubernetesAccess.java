package dev.catalogsmoke.kubernetes;

import dev.catalogsmoke.config.SmokeConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.function.Supplier;

/**
 * Lazily built Kubernetes client for one run.
 *
 * <p>With {@code kubernetes.apiServer} empty, fabric8 configures itself: the service account inside a pod, else the
 * kubeconfig ({@code KUBECONFIG} or {@code ~/.kube/config}).
 */
public final class KubernetesAccess implements AutoCloseable {

    private final boolean enabled;
    private final Supplier<KubernetesClient> factory;
    private KubernetesClient client;

    private KubernetesAccess(boolean enabled, Supplier<KubernetesClient> factory) {
        this.enabled = enabled;
        this.factory = factory;
    }

    public static KubernetesAccess fromConfig(SmokeConfig config) {
        SmokeConfig.Kubernetes settings = config.kubernetes();
        return new KubernetesAccess(settings.enabled(), () -> build(settings, config.namespace()));
    }

    /** Wraps a client that the caller owns, such as the sandbox's mock API server client. */
    public static KubernetesAccess of(KubernetesClient client) {
        return new KubernetesAccess(true, () -> client);
    }

    public static KubernetesAccess disabled() {
        return new KubernetesAccess(false, () -> {
            throw new IllegalStateException("Kubernetes access is disabled (kubernetes.enabled: false)");
        });
    }

    public boolean enabled() {
        return enabled;
    }

    public synchronized KubernetesClient client() {
        if (client == null) {
            client = factory.get();
        }
        return client;
    }

    private static KubernetesClient build(SmokeConfig.Kubernetes settings, String namespace) {
        ConfigBuilder builder = new ConfigBuilder(Config.autoConfigure(null));
        if (!settings.apiServer().isEmpty()) {
            builder.withMasterUrl(settings.apiServer());
        }
        int timeoutMillis = (int) settings.requestTimeout().toMillis();
        Config config = builder.withNamespace(namespace)
                .withConnectionTimeout(timeoutMillis)
                .withRequestTimeout(timeoutMillis)
                .withRequestRetryBackoffLimit(0)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
