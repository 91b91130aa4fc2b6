package dev.catalogsmoke.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogsmoke.engine.NotReadyException;
import dev.catalogsmoke.engine.Waits;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * API discovery of {@code KeycloakRealmImport} through the fabric8 mock server on 127.0.0.1: transient errors are
 * retried within the budget, while 401, 403 and 404 are final.
 */
@Timeout(30)
class RealmImportReaderTest {

    private static final String DISCOVERY = "/apis/k8s.keycloak.org/v2alpha1";
    private static final Duration BUDGET = Duration.ofSeconds(2);

    private KubernetesMockServer server;
    private KubernetesClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = new KubernetesMockServer(false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client = clientFor(server.url("/"));
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.destroy();
    }

    @Test
    void servedResourceIsFound() {
        serveImports();

        assertThat(reader(client).served()).isTrue();
    }

    @Test
    void transientErrorsAreRetried() {
        server.expect()
                .get()
                .withPath(DISCOVERY)
                .andReturn(503, status(503, "etcd leader changed"))
                .once();
        server.expect()
                .get()
                .withPath(DISCOVERY)
                .andReturn(500, status(500, "internal error"))
                .once();
        serveImports();

        assertThat(reader(client).served()).isTrue();
    }

    @Test
    void persistentServerErrorIsNotReady() {
        server.expect()
                .get()
                .withPath(DISCOVERY)
                .andReturn(503, status(503, "etcd leader changed"))
                .always();

        assertThatThrownBy(() -> reader(client).served())
                .isInstanceOf(NotReadyException.class)
                .hasMessageContaining("timed out waiting for API discovery of k8s.keycloak.org/v2alpha1")
                .hasMessageContaining("503")
                .hasMessageContaining("raise keycloak.realmBudget");
    }

    @Test
    void refusedConnectionIsNotReady() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        try (KubernetesClient refused = clientFor("http://127.0.0.1:" + port + "/")) {
            assertThatThrownBy(() -> reader(refused).served())
                    .isInstanceOf(NotReadyException.class)
                    .hasMessageContaining("timed out waiting for API discovery of k8s.keycloak.org/v2alpha1")
                    .hasMessageContaining("did not complete discover apis");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"401, Unauthorized", "403, Forbidden"})
    void rejectionIsFinal(int code, String reason) {
        server.expect()
                .get()
                .withPath(DISCOVERY)
                .andReturn(code, status(code, reason))
                .once();
        serveImports();

        assertThatThrownBy(() -> reader(client).served())
                .isInstanceOf(KubernetesApiException.class)
                .hasMessageContaining("discover apis k8s.keycloak.org/v2alpha1/ with " + code + " " + reason);
    }

    @Test
    void notFoundMeansNotServed() {
        server.expect()
                .get()
                .withPath(DISCOVERY)
                .andReturn(404, status(404, "not found"))
                .once();
        serveImports();

        assertThat(reader(client).served()).isFalse();
    }

    private void serveImports() {
        server.expect()
                .get()
                .withPath(DISCOVERY)
                .andReturn(
                        200,
                        new APIResourceListBuilder()
                                .withGroupVersion("k8s.keycloak.org/v2alpha1")
                                .addNewResource()
                                .withName("keycloakrealmimports")
                                .withKind("KeycloakRealmImport")
                                .withNamespaced(true)
                                .endResource()
                                .build())
                .always();
    }

    /** Builds a client without fabric8's own retries, so every retry seen here is the reader's. */
    private static KubernetesClient clientFor(String url) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(url)
                .withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(1000)
                .withRequestTimeout(1000)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private static RealmImportReader reader(KubernetesClient client) {
        return new RealmImportReader(KubernetesAccess.of(client), new Waits(Duration.ofMillis(100)), BUDGET);
    }

    private static Status status(int code, String message) {
        return new StatusBuilder().withCode(code).withMessage(message).build();
    }
}
