package dev.catalogsmoke.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP forwarder on loopback that plays a database service still starting: its port refuses connections until
 * {@code delay} has passed, then forwards each connection to the real server. A {@code null} delay never opens.
 */
final class DelayedProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DelayedProxy.class);

    private final int port;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ServerSocket server;
    private volatile boolean closed;

    private DelayedProxy(int port, int targetPort) {
        this.port = port;
        this.targetPort = targetPort;
    }

    static DelayedProxy start(int targetPort, Duration delay) {
        DelayedProxy proxy = new DelayedProxy(freePort(), targetPort);
        if (delay != null) {
            proxy.threads.submit(() -> proxy.openAfter(delay));
        }
        return proxy;
    }

    int port() {
        return port;
    }

    private void openAfter(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            if (closed) {
                return;
            }
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            log.info("sandbox proxy now accepts connections on 127.0.0.1:{} after {} ms", port, delay.toMillis());
            while (!closed) {
                Socket client = server.accept();
                threads.submit(() -> forward(client));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!closed) {
                log.warn("sandbox proxy on port {} stopped: {}", port, e.getMessage());
            }
        }
    }

    private void forward(Socket client) {
        TcpRelay.relay(client, targetPort, threads);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            log.debug("closing the sandbox proxy failed: {}", e.getMessage());
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
