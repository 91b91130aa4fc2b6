package dev.catalogsmoke.sandbox;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fabric8 mock Kubernetes API server in CRUD mode on loopback, holding what CNPG and the platform would: the
 * credentials Secrets, the cluster's CA Secret, the CNPG {@code Database} CRD and one {@code Database} per catalog.
 *
 * <p>The mock does not merge {@code stringData}, so every Secret is written with base64 {@code data}.
 */
final class MockKubernetes implements AutoCloseable {

    static final ResourceDefinitionContext CNPG_DATABASES = new ResourceDefinitionContext.Builder()
            .withGroup("postgresql.cnpg.io")
            .withVersion("v1")
            .withKind("Database")
            .withPlural("databases")
            .withNamespaced(true)
            .build();

    /** Keeps the mock server's java.util.logging logger, and its level, from being collected. */
    private static final java.util.logging.Logger MOCK_LOG =
            java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient client;

    private MockKubernetes(KubernetesMockServer server) {
        this.server = server;
        this.client = server.createClient();
    }

    static MockKubernetes start() {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("loopback address 127.0.0.1 cannot be resolved", e);
        }
        return new MockKubernetes(server);
    }

    /** Returns the API server URL, such as {@code http://127.0.0.1:40123}. */
    String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    NamespacedKubernetesClient client() {
        return client;
    }

    void createNamespace(String namespace) {
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(namespace)
                        .endMetadata()
                        .build())
                .create();
    }

    /** Creates or replaces a Secret from text values. */
    void putSecret(String namespace, String name, String type, Map<String, String> values) {
        Map<String, byte[]> data = new LinkedHashMap<>();
        values.forEach((key, value) -> data.put(key, value.getBytes(StandardCharsets.UTF_8)));
        putSecretBytes(namespace, name, type, data);
    }

    void putSecretBytes(String namespace, String name, String type, Map<String, byte[]> values) {
        Map<String, String> data = new LinkedHashMap<>();
        values.forEach((key, value) -> data.put(key, Base64.getEncoder().encodeToString(value)));
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .endMetadata()
                .withType(type)
                .withData(data)
                .build();
        client.secrets().inNamespace(namespace).resource(secret).createOr(existing -> existing.update());
    }

    void createCnpgDatabaseDefinition() {
        CustomResourceDefinition definition = new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("databases.postgresql.cnpg.io")
                .endMetadata()
                .withNewSpec()
                .withGroup("postgresql.cnpg.io")
                .withScope("Namespaced")
                .withNewNames()
                .withKind("Database")
                .withPlural("databases")
                .withSingular("database")
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .endVersion()
                .endSpec()
                .build();
        client.apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(definition)
                .create();
    }

    /** Creates or replaces a CNPG {@code Database} with the given spec and status ({@code null} for none). */
    void putCnpgDatabase(String namespace, String name, Map<String, Object> spec, Object status) {
        GenericKubernetesResource resource = new GenericKubernetesResourceBuilder()
                .withApiVersion("postgresql.cnpg.io/v1")
                .withKind("Database")
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .withGeneration(1L)
                .endMetadata()
                .build();
        resource.setAdditionalProperty("spec", spec);
        if (status != null) {
            resource.setAdditionalProperty("status", status);
        }
        client.genericKubernetesResources(CNPG_DATABASES)
                .inNamespace(namespace)
                .resource(resource)
                .createOr(existing -> existing.update());
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
