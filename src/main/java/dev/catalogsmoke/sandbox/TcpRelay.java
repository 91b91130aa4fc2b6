package dev.catalogsmoke.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Relays one accepted TCP connection to a port on 127.0.0.1, in both directions, until either side closes. */
final class TcpRelay {

    private static final Logger log = LoggerFactory.getLogger(TcpRelay.class);

    private TcpRelay() {}

    /** Relays {@code client} to 127.0.0.1:{@code targetPort}; one direction runs on {@code threads}. */
    static void relay(Socket client, int targetPort, ExecutorService threads) {
        try (client;
                Socket upstream = new Socket(InetAddress.getByName("127.0.0.1"), targetPort)) {
            threads.submit(() -> pipe(upstream, client));
            pipe(client, upstream);
        } catch (IOException e) {
            log.debug("sandbox relay connection to port {} ended: {}", targetPort, e.getMessage());
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // The other direction closed the sockets; nothing is left to relay.
        }
    }
}
