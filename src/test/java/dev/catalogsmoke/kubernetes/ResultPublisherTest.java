package dev.catalogsmoke.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogsmoke.config.ConfigLoader;
import dev.catalogsmoke.config.SmokeConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Publishes to the fabric8 mock API server in CRUD mode and reads the result back, as kubectl would. */
class ResultPublisherTest {

    private static final String NAMESPACE = "ameide";
    private static final Instant STARTED = Instant.parse("2026-05-01T10:15:30Z");

    private KubernetesMockServer server;
    private NamespacedKubernetesClient client;

    @AfterEach
    void stopServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void configMapHoldsSummaryStartAndRevision() {
        startCrudServer();

        String written = publisher("catalog-smoke", "0b1c2d3").publish(result(1, "{\"exitCode\": 1}"));

        ConfigMap configMap = readConfigMap();
        assertThat(written).startsWith("ConfigMap ameide/catalog-smoke-result, Event ameide/catalog-smoke.");
        assertThat(configMap.getData()).containsEntry(ResultPublisher.SUMMARY_KEY, "{\"exitCode\": 1}");
        assertThat(configMap.getData().get(ResultPublisher.TEXT_KEY)).startsWith("catalog-smoke FAILED");
        assertThat(configMap.getMetadata().getLabels()).containsEntry("catalogsmoke.dev/revision", "0b1c2d3");
        assertThat(configMap.getMetadata().getAnnotations())
                .containsEntry("catalogsmoke.dev/started-at", "2026-05-01T10:15:30Z")
                .containsEntry("catalogsmoke.dev/exit-code", "1");
    }

    @Test
    void eventIsAttachedToJob() {
        startCrudServer();

        publisher("catalog-smoke", "0b1c2d3").publish(result(1, "{}"));

        List<Event> events = client.v1().events().inNamespace(NAMESPACE).list().getItems();
        assertThat(events).hasSize(1);
        Event event = events.get(0);
        assertThat(event.getInvolvedObject().getKind()).isEqualTo("Job");
        assertThat(event.getInvolvedObject().getName()).isEqualTo("catalog-smoke");
        assertThat(event.getInvolvedObject().getUid()).isEqualTo("uid-of-the-job");
        assertThat(event.getType()).isEqualTo("Warning");
        assertThat(event.getReason()).isEqualTo("SmokeFailed");
        assertThat(event.getMessage())
                .contains("Run started 2026-05-01T10:15:30Z")
                .contains("revision 0b1c2d3")
                .contains("ConfigMap ameide/catalog-smoke-result");
    }

    @Test
    void secondRunReplacesConfigMap() {
        startCrudServer();

        publisher("catalog-smoke", "r1").publish(result(1, "{\"run\": 1}"));
        publisher("catalog-smoke", "r2").publish(result(0, "{\"run\": 2}"));

        ConfigMap configMap = readConfigMap();
        assertThat(configMap.getData()).containsEntry(ResultPublisher.SUMMARY_KEY, "{\"run\": 2}");
        assertThat(configMap.getMetadata().getLabels()).containsEntry("catalogsmoke.dev/revision", "r2");
        assertThat(client.v1().events().inNamespace(NAMESPACE).list().getItems())
                .extracting(Event::getReason)
                .containsExactlyInAnyOrder("SmokeFailed", "SmokePassed");
    }

    @Test
    void noEventWithoutJobName() {
        startCrudServer();

        String written = publisher("", "").publish(result(0, "{}"));

        assertThat(written).isEqualTo("ConfigMap ameide/catalog-smoke-result");
        assertThat(readConfigMap().getMetadata().getLabels()).doesNotContainKey("catalogsmoke.dev/revision");
        assertThat(client.v1().events().inNamespace(NAMESPACE).list().getItems())
                .isEmpty();
    }

    @Test
    void invalidLabelRevisionOnlyAnnotated() {
        startCrudServer();
        String revision = "refs/heads/main@0b1c2d3";

        publisher("catalog-smoke", revision).publish(result(0, "{}"));

        ConfigMap configMap = readConfigMap();
        assertThat(configMap.getMetadata().getLabels()).doesNotContainKey("catalogsmoke.dev/revision");
        assertThat(configMap.getMetadata().getAnnotations()).containsEntry("catalogsmoke.dev/revision", revision);
    }

    @Test
    void forbiddenWriteNamesObjectAndGrant() throws Exception {
        server = new KubernetesMockServer(false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client = server.createClient();
        String path = "/api/v1/namespaces/ameide/configmaps";
        server.expect()
                .get()
                .withPath(path + "/catalog-smoke-result")
                .andReturn(404, "")
                .always();
        server.expect().post().withPath(path).andReturn(403, forbidden()).always();

        ResultPublisher publisher = publisher("catalog-smoke", "");

        assertThatThrownBy(() -> publisher.publish(result(0, "{}")))
                .isInstanceOf(KubernetesApiException.class)
                .hasMessageContaining("cannot write ConfigMap ameide/catalog-smoke-result: 403")
                .hasMessageContaining("get, create and update on configmaps");
    }

    private void startCrudServer() {
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        client = server.createClient();
    }

    private ResultPublisher publisher(String jobName, String revision) {
        Map<String, String> environment = Map.of(
                "CATALOG_SMOKE_NAMESPACE", NAMESPACE,
                "CATALOG_SMOKE_PUBLISH_JOB_NAME", jobName,
                "CATALOG_SMOKE_PUBLISH_JOB_UID", jobName.isEmpty() ? "" : "uid-of-the-job",
                "CATALOG_SMOKE_PUBLISH_REVISION", revision);
        SmokeConfig config = new ConfigLoader(environment).load(null);
        return new ResultPublisher(KubernetesAccess.of(client), config);
    }

    private static ResultPublisher.RunResult result(int exitCode, String json) {
        String verdict = exitCode == 0 ? "PASSED" : "FAILED";
        String headline = "catalog-smoke " + verdict + " (exit code " + exitCode + "): 3 passed, 1 failed";
        return new ResultPublisher.RunResult(STARTED, exitCode, headline, headline + "\n", json);
    }

    private ConfigMap readConfigMap() {
        return client.configMaps()
                .inNamespace(NAMESPACE)
                .withName("catalog-smoke-result")
                .get();
    }

    private static String forbidden() {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403,"
                + "\"message\":\"configmaps is forbidden: User cannot create resource configmaps\"}";
    }
}
