package dev.catalogsmoke.http;

import dev.catalogsmoke.config.DurationDeserializer;
import dev.catalogsmoke.engine.TransientException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * HTTP GET with hard limits, for checks that call Keycloak or the platform: a connect timeout, a limit on the whole
 * exchange including the body, a maximum body size, and no redirects.
 *
 * <p>Errors that waiting may heal (connection refused, no response in time, 5xx, 429) are thrown as {@link
 * TransientException}, so a {@code Waits} probe retries them within its budget; other failures (TLS, a body over
 * the limit) are thrown as {@link HttpFailure}. Any other status is returned to the caller, because a 404 means
 * something different for each check.
 */
public final class BoundedHttp {

    /** Largest response body read; an OIDC discovery document or a JWKS is a few KiB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final HttpClient client;
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
        this.exchangeTimeout = exchangeTimeout;
    }

    /** Sends a GET and returns the response, or throws {@link TransientException} or {@link HttpFailure}. */
    public Response get(URI uri) {
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(exchangeTimeout).GET().build();
        AtomicReference<InputStream> body = new AtomicReference<>();
        CompletableFuture<Response> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    body.set(response.body());
                    return new Response(response.statusCode(), readLimited(uri, response.body()));
                });
        Response response = await(uri, exchange, body);
        if (response.status() >= 500 || response.status() == 429) {
            throw new TransientException(
                    "GET " + uri + " returned HTTP " + response.status() + "; retried within the wait budget, because a"
                            + " server error may heal. If it persists, read the server's log",
                    null);
        }
        return response;
    }

    private Response await(URI uri, CompletableFuture<Response> exchange, AtomicReference<InputStream> body) {
        try {
            return exchange.get(exchangeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            closeQuietly(body.get());
            throw noAnswer(uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            throw new TransientException("GET " + uri + " was interrupted", e);
        } catch (ExecutionException e) {
            throw classify(uri, e.getCause());
        }
    }

    private RuntimeException classify(URI uri, Throwable cause) {
        if (cause instanceof HttpFailure failure) {
            return failure;
        }
        if (cause instanceof UncheckedIOException unchecked) {
            cause = unchecked.getCause();
        }
        if (cause instanceof HttpTimeoutException) {
            return noAnswer(uri, cause);
        }
        if (cause instanceof ConnectException) {
            return new TransientException(
                    "GET " + uri + ": connection refused or not possible ("
                            + cause.getClass().getSimpleName()
                            + "); check the host and port, and that the server is running",
                    cause);
        }
        if (causeOf(cause, SSLException.class) != null) {
            return new HttpFailure("GET " + uri + ": TLS handshake failed: " + rootMessage(cause)
                    + "; check that the configured CA signs the server certificate and that it names this host");
        }
        return new TransientException("GET " + uri + " failed: " + rootMessage(cause), cause);
    }

    private TransientException noAnswer(URI uri, Throwable cause) {
        return new TransientException(
                "GET " + uri + ": no complete response within " + DurationDeserializer.format(exchangeTimeout)
                        + "; the server accepted the connection but did not respond in time",
                cause);
    }

    private static String readLimited(URI uri, InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new HttpFailure("GET " + uri + " returned a body larger than " + MAX_BODY_BYTES
                        + " bytes; this is not an OIDC document, so check the URL");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // The exchange has already failed with a time-out, which is what the caller reports.
        }
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

    /** A failure that waiting does not heal, such as a TLS error or an oversized body. */
    public static final class HttpFailure extends RuntimeException {

        public HttpFailure(String message) {
            super(message);
        }
    }
}
