package dev.catalogsmoke.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 that plays a Keycloak which responds, fails, never responds or sends too much, by path:
 * {@code /realms/acme} (200 with a small JSON body), {@code /realms/gone} (404), {@code /realms/broken} (500), {@code
 * /realms/huge} (200 with a body just over {@link BoundedHttp#MAX_BODY_BYTES}) and {@code /realms/silent} (accepts the
 * request and never responds). Any path below one of these behaves the same, so a discovery URL does too.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final HttpServer server;

    public LoopbackHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/realms/acme", exchange -> respond(exchange, 200, "{\"issuer\":\"x\"}"));
        server.createContext("/realms/gone", exchange -> respond(exchange, 404, "Realm does not exist"));
        server.createContext("/realms/broken", exchange -> respond(exchange, 500, "Internal Server Error"));
        server.createContext(
                "/realms/huge", exchange -> respond(exchange, 200, "x".repeat(BoundedHttp.MAX_BODY_BYTES + 10)));
        server.createContext("/realms/silent", exchange -> awaitStop());
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "loopback http server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** Returns the base URL, such as {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
    }
}
