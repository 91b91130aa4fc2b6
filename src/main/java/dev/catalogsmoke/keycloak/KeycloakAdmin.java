package dev.catalogsmoke.keycloak;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Read-only calls to Keycloak's admin REST API, authenticated as an admin of the {@code master} realm through the
 * {@code admin-cli} client. The admin token is requested once and never leaves this object.
 */
public final class KeycloakAdmin {

    /** Users read per request when listing a realm's user ids. */
    static final int PAGE_SIZE = 500;

    private final OidcHttp http;
    private final String baseUrl;
    private final String accessToken;

    private KeycloakAdmin(OidcHttp http, String baseUrl, String accessToken) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
    }

    /** Logs in to the {@code master} realm with the password grant; fails with the status when it is rejected. */
    public static KeycloakAdmin logIn(OidcHttp http, String baseUrl, String username, String password) {
        HttpResponse<String> response = http.postForm(
                baseUrl + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", username, "password", password),
                Map.of());
        JsonNode body = OidcHttp.json(response.body());
        if (response.statusCode() != 200
                || body == null
                || !body.path("access_token").isString()) {
            throw new IllegalStateException("Keycloak admin login of user '" + username + "' at " + baseUrl
                    + " returned HTTP " + response.statusCode() + "; check the admin Secret");
        }
        return new KeycloakAdmin(http, baseUrl, body.path("access_token").asString());
    }

    /** Returns the client representation with this client id, or {@code null} when the realm has none. */
    public JsonNode client(String realm, String clientId) {
        JsonNode clients = get("/admin/realms/" + realm + "/clients?clientId=" + OidcHttp.encode(clientId));
        return clients.isArray() && !clients.isEmpty() ? clients.get(0) : null;
    }

    /** Returns the user with exactly this username, or {@code null} when the realm has none. */
    public JsonNode user(String realm, String username) {
        JsonNode users = get("/admin/realms/" + realm + "/users?exact=true&username=" + OidcHttp.encode(username));
        return users.isArray() && !users.isEmpty() ? users.get(0) : null;
    }

    /** Returns the id of every user of the realm, read in pages of {@link #PAGE_SIZE}. */
    public Set<String> userIds(String realm) {
        Set<String> ids = new HashSet<>();
        for (int first = 0; ; first += PAGE_SIZE) {
            JsonNode page = get(
                    "/admin/realms/" + realm + "/users?briefRepresentation=true&first=" + first + "&max=" + PAGE_SIZE);
            page.forEach(user -> ids.add(user.path("id").asString()));
            if (page.size() < PAGE_SIZE) {
                return ids;
            }
        }
    }

    private JsonNode get(String path) {
        String url = baseUrl + path;
        HttpResponse<String> response = http.get(url, Map.of("Authorization", "Bearer " + accessToken));
        JsonNode body = OidcHttp.json(response.body());
        if (response.statusCode() != 200 || body == null) {
            throw new IllegalStateException("Keycloak admin API: GET " + url + " returned HTTP " + response.statusCode()
                    + "; grant the admin the realm role view-realm and view-users");
        }
        return body;
    }
}
