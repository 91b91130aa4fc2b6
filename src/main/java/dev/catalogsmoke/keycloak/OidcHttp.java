package dev.catalogsmoke.keycloak;

import dev.catalogsmoke.http.BoundedHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP for the OpenID Connect and admin API calls of one run, within the limits of {@link BoundedHttp}: a connect
 * timeout and a limit on the whole exchange (both {@code keycloak.requestTimeout}), a body of at most {@link
 * BoundedHttp#MAX_BODY_BYTES}, and no redirect followed. Every status is returned to the caller. A refused
 * connection or no response in time is thrown as {@link dev.catalogsmoke.engine.TransientException}, a TLS failure or
 * an oversized body as {@link BoundedHttp.HttpFailure}. No cookie is stored, so a login passes its session cookies on
 * itself.
 */
public final class OidcHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final BoundedHttp http;

    public OidcHttp(Duration timeout) {
        this.http = new BoundedHttp(timeout, timeout, null);
    }

    /** Sends a GET and returns the status, headers and body; {@code headers} may be empty. */
    public HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return http.send(request);
    }

    /** Sends a form-encoded POST, as the login form and the token endpoint expect. */
    public HttpResponse<String> postForm(String url, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)));
        headers.forEach(request::header);
        return http.send(request);
    }

    /** Sends a request with an arbitrary method and optional JSON body, for the platform and the admin API. */
    public HttpResponse<String> send(String method, String url, Map<String, String> headers, String jsonBody) {
        HttpRequest.BodyPublisher body =
                jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method, body);
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request);
    }

    /** Parses a JSON body, or returns {@code null} when the body is not JSON. */
    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Writes a value as JSON text, such as a realm representation for the admin API. */
    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Encodes a map as {@code application/x-www-form-urlencoded} text, also usable as a URL query. */
    public static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
