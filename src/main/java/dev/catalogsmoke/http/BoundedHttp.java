package dev.catalogsmoke.http;

import dev.catalogsmoke.config.DurationDeserializer;
import dev.catalogsmoke.engine.TransientException;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * HTTP with hard limits, for checks that call Keycloak or the platform: a connect timeout, a limit on the whole
 * exchange including the body, a maximum body size, and no redirects.
 *
 * <p>Errors that waiting may heal (connection refused, no response in time, and for {@link #get} also 5xx and 429)
 * are thrown as {@link TransientException}, so a {@code Waits} probe retries them within its budget; other failures
 * (TLS, a body over the limit) are thrown as {@link HttpFailure}. Any other status is returned to the caller, because
 * a 404 means something different for each check.
 */
public final class BoundedHttp {

    /**
     * Largest response body read. An OIDC discovery document or a JWKS is a few KiB, and a page of 500 users from
     * Keycloak's admin API in brief representation is a few hundred KiB.
     */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration exchangeTimeout;

    /** A response within the limits: status code and body as UTF-8 text. */
    public record Response(int status, String body) {}

    public BoundedHttp(Duration connectTimeout, Duration exchangeTimeout, SSLContext tls) {
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
        this.connectTimeout = connectTimeout;
        this.exchangeTimeout = exchangeTimeout;
    }

    /** Sends a GET and returns the response, or throws {@link TransientException} or {@link HttpFailure}. */
    public Response get(URI uri) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET());
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw new TransientException(
                    "GET " + uri + " returned HTTP " + response.statusCode() + "; retried within the wait budget,"
                            + " because a server error may heal. If it persists, read the server's log",
                    null);
        }
        return new Response(response.statusCode(), response.body());
    }

    /**
     * Sends a request of any method within the limits and returns the response whatever its status, with its headers
     * and its body as UTF-8 text. This method sets the request's timeout to the exchange timeout. Throws {@link
     * TransientException} when no complete response arrives (connection refused, no response in time) and {@link HttpFailure} for
     * a TLS failure or a body over {@link #MAX_BODY_BYTES}.
     */
    public HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(exchangeTimeout).build();
        String description = request.method() + " " + request.uri();
        AtomicReference<LimitedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request, info -> {
            LimitedBody limited = new LimitedBody(description);
            body.set(limited);
            return limited;
        });
        try {
            return exchange.get(exchangeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            if (body.get() != null) {
                body.get().abort();
            }
            throw noAnswer(description, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            throw new IllegalStateException(description + " was interrupted, so the run is stopping", e);
        } catch (ExecutionException e) {
            throw classify(description, e.getCause());
        }
    }

    private RuntimeException classify(String description, Throwable cause) {
        HttpFailure failure = (HttpFailure) causeOf(cause, HttpFailure.class);
        if (failure != null) {
            return failure;
        }
        if (causeOf(cause, HttpConnectTimeoutException.class) != null) {
            return new TransientException(
                    description + ": no connection within " + DurationDeserializer.format(connectTimeout)
                            + "; check the host and port, and that the server is running",
                    cause);
        }
        if (causeOf(cause, HttpTimeoutException.class) != null) {
            return noAnswer(description, cause);
        }
        Throwable refused = causeOf(cause, ConnectException.class);
        if (refused != null) {
            return new TransientException(
                    description + ": connection refused or not possible ("
                            + refused.getClass().getSimpleName()
                            + "); check the host and port, and that the server is running",
                    cause);
        }
        if (causeOf(cause, SSLException.class) != null) {
            return new HttpFailure(description + ": TLS handshake failed: " + rootMessage(cause)
                    + "; check that the configured CA signs the server certificate and that it names this host");
        }
        return new TransientException(description + " failed: " + rootMessage(cause), cause);
    }

    private TransientException noAnswer(String description, Throwable cause) {
        return new TransientException(
                description + ": no complete response within " + DurationDeserializer.format(exchangeTimeout)
                        + "; the server accepted the connection but did not respond in time",
                cause);
    }

    private static Throwable causeOf(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /**
     * Collects a response body as UTF-8 text while it arrives, and fails the exchange with {@link HttpFailure} as soon
     * as it grows past {@link #MAX_BODY_BYTES}, so an endless or huge body never fills the heap.
     */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<String> {

        private final String description;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;

        LimitedBody(String description) {
            this.description = description;
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            newSubscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > MAX_BODY_BYTES) {
                    subscription.cancel();
                    result.completeExceptionally(new HttpFailure(description + " returned a body larger than "
                            + MAX_BODY_BYTES + " bytes; an OIDC document, a JWKS or an admin API page is far smaller,"
                            + " so check that the URL points at Keycloak"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toString(StandardCharsets.UTF_8));
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        /** Stops reading after a time-out, so the connection is released. */
        void abort() {
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }

    /** A failure that waiting does not heal, such as a TLS error or an oversized body. */
    public static final class HttpFailure extends RuntimeException {

        public HttpFailure(String message) {
            super(message);
        }
    }
}
