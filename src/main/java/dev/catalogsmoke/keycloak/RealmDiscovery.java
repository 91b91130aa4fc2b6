package dev.catalogsmoke.keycloak;

import dev.catalogsmoke.engine.TransientException;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The discovery view of one realm through one base URL: the discovery document's status, issuer and endpoints,
 * and the number of signing keys in its JWKS.
 */
public record RealmDiscovery(
        String realm,
        String discoveryUrl,
        int status,
        String issuer,
        String authorizationEndpoint,
        String tokenEndpoint,
        String jwksUri,
        int signingKeys) {

    /** Returns the discovery URL of a realm under a Keycloak base URL, as {@code <base>/realms/<realm>/...}. */
    public static String discoveryUrl(String baseUrl, String realm) {
        return baseUrl + "/realms/" + realm + "/.well-known/openid-configuration";
    }

    /** {@link #signingKeys} of a view fetched without its JWKS. */
    public static final int KEYS_NOT_COUNTED = -1;

    /**
     * Fetches the discovery document and, when it is served, the JWKS it points to. A 5xx status or a connection
     * error is transient; a 404 is returned as it is, since Keycloak returns it for a realm that does not exist.
     */
    public static RealmDiscovery fetch(OidcHttp http, String baseUrl, String realm) {
        return fetch(http, baseUrl, realm, true);
    }

    /**
     * Fetches the discovery document only, for callers that need the issuer or whether the realm is served: one
     * request instead of two, and {@link #signingKeys} is {@link #KEYS_NOT_COUNTED}.
     */
    public static RealmDiscovery fetchDocument(OidcHttp http, String baseUrl, String realm) {
        return fetch(http, baseUrl, realm, false);
    }

    private static RealmDiscovery fetch(OidcHttp http, String baseUrl, String realm, boolean countKeys) {
        String url = discoveryUrl(baseUrl, realm);
        HttpResponse<String> response = http.get(url, Map.of());
        if (response.statusCode() >= 500) {
            throw new TransientException("GET " + url + " returned HTTP " + response.statusCode(), null);
        }
        JsonNode document = response.statusCode() == 200 ? OidcHttp.json(response.body()) : null;
        if (document == null) {
            return new RealmDiscovery(realm, url, response.statusCode(), null, null, null, null, 0);
        }
        String jwksUri = text(document, "jwks_uri");
        return new RealmDiscovery(
                realm,
                url,
                response.statusCode(),
                text(document, "issuer"),
                text(document, "authorization_endpoint"),
                text(document, "token_endpoint"),
                jwksUri,
                keyCount(http, jwksUri, countKeys));
    }

    public boolean served() {
        return status == 200 && issuer != null;
    }

    private static int keyCount(OidcHttp http, String jwksUri, boolean countKeys) {
        if (!countKeys) {
            return KEYS_NOT_COUNTED;
        }
        return jwksUri == null ? 0 : countSigningKeys(http, jwksUri);
    }

    private static int countSigningKeys(OidcHttp http, String jwksUri) {
        HttpResponse<String> response = http.get(jwksUri, Map.of());
        JsonNode keys = response.statusCode() == 200 ? OidcHttp.json(response.body()) : null;
        if (keys == null || !keys.path("keys").isArray()) {
            return 0;
        }
        int count = 0;
        for (JsonNode key : keys.path("keys")) {
            String use = key.path("use").asString("sig");
            if ("sig".equals(use)) {
                count++;
            }
        }
        return count;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }
}
