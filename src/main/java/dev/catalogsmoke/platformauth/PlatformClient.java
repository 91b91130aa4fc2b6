package dev.catalogsmoke.platformauth;

import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.keycloak.OidcHttp;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Calls the platform's tenant-resolution endpoint with a bearer token, as {@code platformAuth} configures it, and
 * reads the resolved tenant id from the JSON response.
 */
public final class PlatformClient {

    /** Body characters kept in a report; the platform must not echo tokens, but a report never relies on that. */
    private static final int EXCERPT = 160;

    private final SmokeConfig.PlatformAuth settings;
    private final OidcHttp http;

    public PlatformClient(SmokeConfig.PlatformAuth settings, OidcHttp http) {
        this.settings = settings;
        this.http = http;
    }

    /** Requests from the platform the tenant that the token belongs to; {@code tenantHeader} is sent when not {@code null}. */
    public PlatformResponse resolve(String accessToken, String tenantHeader) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + accessToken);
        headers.put("Accept", "application/json");
        if (tenantHeader != null) {
            headers.put(settings.tenantHeader(), tenantHeader);
        }
        String body = "POST".equals(settings.method()) ? "{}" : null;
        HttpResponse<String> response = http.send(settings.method(), settings.endpoint(), headers, body);
        JsonNode json = OidcHttp.json(response.body());
        String tenant = null;
        if (json != null && response.statusCode() / 100 == 2) {
            JsonNode value = json.at(settings.tenantPointer());
            tenant = value.isMissingNode() || value.isNull() ? null : value.asString(value.toString());
        }
        return new PlatformResponse(response.statusCode(), tenant, excerpt(response.body(), accessToken));
    }

    private static String excerpt(String body, String accessToken) {
        String text = body == null ? "" : body.replace(accessToken, "<token>").strip();
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text;
    }
}
