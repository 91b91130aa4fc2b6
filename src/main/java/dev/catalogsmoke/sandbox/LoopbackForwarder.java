package dev.catalogsmoke.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards TCP from a second loopback address to a port on 127.0.0.1, so one server is reachable under two host
 * names, as Keycloak is through its public URL and its in-cluster Service.
 */
final class LoopbackForwarder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoopbackForwarder.class);

    private final ServerSocket server;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-forwarder");
        thread.setDaemon(true);
        return thread;
    });

    private LoopbackForwarder(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    /** Listens on {@code address} (such as 127.0.0.2) on a free port and forwards to 127.0.0.1:{@code targetPort}. */
    static LoopbackForwarder start(String address, int targetPort) {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            LoopbackForwarder forwarder = new LoopbackForwarder(server, targetPort);
            forwarder.threads.submit(forwarder::acceptLoop);
            return forwarder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    /** Returns the base URL through this forwarder, such as {@code http://127.0.0.2:40111}. */
    String url() {
        return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.submit(() -> forward(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("sandbox forwarder on {} stopped: {}", url(), e.getMessage());
                }
                return;
            }
        }
    }

    private void forward(Socket client) {
        TcpRelay.relay(client, targetPort, threads);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            log.debug("closing the sandbox forwarder failed: {}", e.getMessage());
        }
        threads.shutdownNow();
    }
}
