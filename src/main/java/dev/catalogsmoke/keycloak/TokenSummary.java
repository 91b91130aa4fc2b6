package dev.catalogsmoke.keycloak;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The parts of a JWT that may appear in logs and reports: the header's {@code alg} and {@code kid}, and the claims
 * {@code iss}, {@code aud} and {@code exp}. The token itself is never stored here, so it cannot be printed by mistake.
 */
public record TokenSummary(String algorithm, String keyId, String issuer, String audience, Instant expiresAt) {

    /** Decodes the header and payload without verifying the signature; the platform under test verifies it. */
    public static TokenSummary of(String jwt) {
        JsonNode header = part(jwt, 0);
        JsonNode payload = part(jwt, 1);
        return new TokenSummary(
                header.path("alg").asString(""),
                header.path("kid").asString(""),
                payload.path("iss").asString(""),
                payload.path("aud").isArray()
                        ? payload.path("aud").toString()
                        : payload.path("aud").asString(""),
                payload.has("exp") ? Instant.ofEpochSecond(payload.path("exp").asLong()) : null);
    }

    /** Returns a claim of the payload as text, or empty when the token lacks it. */
    public static Optional<String> claim(String jwt, String name) {
        JsonNode value = part(jwt, 1).get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString(value.toString()));
    }

    /** Renders the summary for a report, such as {@code alg RS256, kid abc, iss ..., aud platform, exp ...}. */
    public String describe() {
        return "alg " + algorithm + ", kid " + keyId + ", iss " + issuer + ", aud " + audience + ", exp " + expiresAt;
    }

    private static JsonNode part(String jwt, int index) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "not a compact JWS: expected 3 parts separated by '.', found " + parts.length);
        }
        byte[] json = Base64.getUrlDecoder().decode(parts[index]);
        JsonNode node = OidcHttp.json(new String(json, StandardCharsets.UTF_8));
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("JWT part " + index + " is not a JSON object");
        }
        return node;
    }
}
