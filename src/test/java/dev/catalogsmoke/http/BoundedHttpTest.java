package dev.catalogsmoke.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.catalogsmoke.engine.TransientException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A loopback HTTP server plays a Keycloak that responds, fails, never responds or sends too much. */
@Timeout(30)
class BoundedHttpTest {

    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private static HttpServer server;
    private static String base;

    private final BoundedHttp http = new BoundedHttp(Duration.ofSeconds(2), Duration.ofSeconds(1), null);

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/realms/acme", exchange -> respond(exchange, 200, "{\"issuer\":\"x\"}"));
        server.createContext("/realms/gone", exchange -> respond(exchange, 404, "Realm does not exist"));
        server.createContext("/realms/broken", exchange -> respond(exchange, 500, "Internal Server Error"));
        server.createContext(
                "/realms/huge", exchange -> respond(exchange, 200, "x".repeat(BoundedHttp.MAX_BODY_BYTES + 10)));
        server.createContext("/realms/silent", exchange -> {
            try {
                NEVER.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test http server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServer() {
        NEVER.countDown();
        server.stop(0);
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

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
