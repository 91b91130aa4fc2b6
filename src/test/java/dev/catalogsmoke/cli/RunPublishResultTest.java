package dev.catalogsmoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.kubernetes.ResultPublisher;
import dev.catalogsmoke.kubernetes.ShippedManifest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code run --include-tag secrets --publish-result} with the shipped configuration against the fabric8 mock API
 * server, and reads the verdict back from the termination message file, the ConfigMap and the Event.
 */
class RunPublishResultTest {

    private static final String NAMESPACE = "ameide";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private KubernetesMockServer server;
    private NamespacedKubernetesClient client;
    private Path terminationLog;

    @AfterEach
    void stopServer() {
        client.close();
        server.destroy();
    }

    @Test
    void passingRunPublishesVerdict() throws IOException {
        startCrudServer();
        putSecret("identity-db-credentials", "identity", "s3cret-identity");
        putSecret("tenancy-db-credentials", "tenancy", "s3cret-tenancy");

        int exitCode = runWithPublishing();

        assertThat(exitCode).as("exit code; output:%n%s", output()).isZero();
        assertThat(Files.readString(terminationLog))
                .startsWith("catalog-smoke PASSED (exit code 0): 2 passed, 0 failed")
                .contains("revision 0b1c2d3, namespace ameide");
        JsonNode summary = publishedSummary();
        assertThat(summary.path("exitCode").asInt()).isZero();
        assertThat(summary.path("run").path("revision").asString()).isEqualTo("0b1c2d3");
        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.getReason()).isEqualTo("SmokePassed");
            assertThat(event.getInvolvedObject().getName()).isEqualTo("catalog-smoke");
        });
        assertThat(output()).contains("Result published: ConfigMap ameide/catalog-smoke-result, Event ameide/");
        assertThat(output() + Files.readString(terminationLog)).doesNotContain("s3cret");
    }

    @Test
    void failingRunPublishesFailure() throws IOException {
        startCrudServer();
        putSecret("identity-db-credentials", "identity", "s3cret-identity");
        putSecret("tenancy-db-credentials", "tenancy", "");

        int exitCode = runWithPublishing();

        assertThat(exitCode).as("exit code; output:%n%s", output()).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(Files.readString(terminationLog))
                .startsWith("catalog-smoke FAILED (exit code 1): 1 passed, 1 failed")
                .contains("FAIL      secrets > credentials Secret exists");
        assertThat(publishedSummary().path("exitCode").asInt()).isEqualTo(1);
        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.getReason()).isEqualTo("SmokeFailed");
            assertThat(event.getType()).isEqualTo("Warning");
        });
    }

    @Test
    void unpublishedPassIsError() throws IOException {
        server = new KubernetesMockServer(false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client = server.createClient();
        String secrets = "/api/v1/namespaces/ameide/secrets/";
        server.expect()
                .get()
                .withPath(secrets + "identity-db-credentials")
                .andReturn(200, secret("identity-db-credentials", "identity", "a"))
                .always();
        server.expect()
                .get()
                .withPath(secrets + "tenancy-db-credentials")
                .andReturn(200, secret("tenancy-db-credentials", "tenancy", "b"))
                .always();

        int exitCode = runWithPublishing();

        assertThat(exitCode).as("exit code; output:%n%s", output()).isEqualTo(ExitCodes.ERROR);
        assertThat(output()).contains("Result not published: cannot write ConfigMap ameide/catalog-smoke-result");
        assertThat(Files.readString(terminationLog)).startsWith("catalog-smoke ERROR (exit code 4): 2 passed");
    }

    private int runWithPublishing() throws IOException {
        Path config = directory.resolve("cluster.yaml");
        Files.writeString(config, ShippedManifest.load().configText());
        terminationLog = Files.writeString(directory.resolve("termination-log"), "");
        Map<String, String> environment = new HashMap<>(Map.of(
                "CATALOG_SMOKE_KUBERNETES_API_SERVER", "http://127.0.0.1:" + server.getPort(),
                "CATALOG_SMOKE_PUBLISH_TERMINATION_MESSAGE_PATH", terminationLog.toString(),
                "CATALOG_SMOKE_PUBLISH_JOB_NAME", "catalog-smoke",
                "CATALOG_SMOKE_PUBLISH_JOB_UID", "uid-of-the-job",
                "CATALOG_SMOKE_PUBLISH_REVISION", "0b1c2d3",
                "CATALOG_SMOKE_WAITS_POLL_INTERVAL", "200ms",
                "CATALOG_SMOKE_WAITS_SECRET", "1s"));
        String[] args = {
            "run",
            "--config",
            config.toString(),
            "--include-tag",
            "secrets",
            "--reports-dir",
            directory.resolve("reports").toString(),
            "--publish-result"
        };
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        return CatalogSmoke.execute(args, stream, stream, environment);
    }

    private void startCrudServer() throws IOException {
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client = server.createClient();
    }

    private void putSecret(String name, String username, String password) {
        client.secrets()
                .inNamespace(NAMESPACE)
                .resource(secret(name, username, password))
                .create();
    }

    private static Secret secret(String name, String username, String password) {
        Base64.Encoder base64 = Base64.getEncoder();
        return new SecretBuilder()
                .withNewMetadata()
                .withNamespace(NAMESPACE)
                .withName(name)
                .withResourceVersion("7")
                .endMetadata()
                .withType("kubernetes.io/basic-auth")
                .withData(Map.of(
                        "username", base64.encodeToString(username.getBytes(StandardCharsets.UTF_8)),
                        "password", base64.encodeToString(password.getBytes(StandardCharsets.UTF_8))))
                .build();
    }

    private JsonNode publishedSummary() {
        ConfigMap configMap = client.configMaps()
                .inNamespace(NAMESPACE)
                .withName("catalog-smoke-result")
                .get();
        assertThat(configMap).as("ConfigMap ameide/catalog-smoke-result").isNotNull();
        return JsonMapper.builder().build().readTree(configMap.getData().get(ResultPublisher.SUMMARY_KEY));
    }

    private List<Event> events() {
        return client.v1().events().inNamespace(NAMESPACE).list().getItems();
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
