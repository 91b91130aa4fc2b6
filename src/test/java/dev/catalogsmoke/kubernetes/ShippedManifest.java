package dev.catalogsmoke.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.config.ConfigLoader;
import dev.catalogsmoke.config.SmokeConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The resources of {@code k8s-job.yaml} at the project root, parsed with fabric8's serialization. */
public final class ShippedManifest {

    public static final Path FILE = Path.of("k8s-job.yaml");
    public static final String CONFIG_MAP = "catalog-smoke-config";
    public static final String CONFIG_KEY = "cluster.yaml";

    private final List<HasMetadata> resources;

    private ShippedManifest(List<HasMetadata> resources) {
        this.resources = resources;
    }

    public static ShippedManifest load() {
        try (InputStream in = Files.newInputStream(FILE)) {
            Object parsed = new KubernetesSerialization().unmarshal(in);
            if (parsed instanceof KubernetesList list) {
                return new ShippedManifest(list.getItems());
            }
            if (parsed instanceof List<?> list) {
                return new ShippedManifest(
                        list.stream().map(HasMetadata.class::cast).toList());
            }
            return new ShippedManifest(List.of((HasMetadata) parsed));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath(), e);
        }
    }

    public List<HasMetadata> resources() {
        return resources;
    }

    /** Returns the one resource of the type, failing the test when there is none or more than one. */
    public <T extends HasMetadata> T one(Class<T> type) {
        List<T> matching =
                resources.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching)
                .as("%s resources in %s", type.getSimpleName(), FILE)
                .hasSize(1);
        return matching.get(0);
    }

    /** Returns the smoke configuration text that the ConfigMap holds. */
    public String configText() {
        ConfigMap configMap = resources.stream()
                .filter(ConfigMap.class::isInstance)
                .map(ConfigMap.class::cast)
                .filter(candidate -> candidate.getMetadata().getName().equals(CONFIG_MAP))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + CONFIG_MAP + " in " + FILE));
        return configMap.getData().get(CONFIG_KEY);
    }

    /** Returns the ConfigMap's configuration as the Job resolves it, with the given environment. */
    public SmokeConfig config(Map<String, String> environment) {
        return new ConfigLoader(environment).loadWithOverlay(configText(), FILE + " " + CONFIG_MAP, Map.of());
    }
}
