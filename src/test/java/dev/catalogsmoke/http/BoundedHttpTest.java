package dev.catalogsmoke.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogsmoke.engine.TransientException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A loopback HTTP server plays a Keycloak that responds, fails, never responds or sends too much. */
@Timeout(30)
class BoundedHttpTest {

    private static LoopbackHttpServer server;
    private static String base;

    private final BoundedHttp http = new BoundedHttp(Duration.ofSeconds(2), Duration.ofSeconds(1), null);

    @BeforeAll
    static void startServer() {
        server = new LoopbackHttpServer();
        base = server.baseUrl();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void okReturnsStatusAndBody() {
        BoundedHttp.Response response = http.get(URI.create(base + "/realms/acme"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("issuer");
    }

    @Test
    void notFoundIsReturnedToCaller() {
        assertThat(http.get(URI.create(base + "/realms/gone")).status()).isEqualTo(404);
    }

    @Test
    void serverErrorIsTransient() {
        assertThatThrownBy(() -> http.get(URI.create(base + "/realms/broken")))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("/realms/broken returned HTTP 500")
                .hasMessageContaining("retried within the wait budget");
    }

    @Test
    void silentServerTimesOut() {
        assertThatThrownBy(() -> http.get(URI.create(base + "/realms/silent")))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("no complete response within 1s");
    }

    @Test
    void oversizedBodyIsRejected() {
        assertThatThrownBy(() -> http.get(URI.create(base + "/realms/huge")))
                .isInstanceOf(BoundedHttp.HttpFailure.class)
                .hasMessageContaining("body larger than " + BoundedHttp.MAX_BODY_BYTES + " bytes");
    }

    @Test
    void refusedPortIsTransient() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        assertThatThrownBy(() -> http.get(URI.create("http://127.0.0.1:" + port + "/realms/acme")))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("connection refused");
    }
}
