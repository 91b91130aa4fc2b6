package dev.catalogsmoke.sandbox;

import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keycloak realm representations generated from the sandbox seed, one per tenant plus {@link #UNROUTED_REALM}.
 *
 * <p>Each realm pins its issuer with the realm attribute {@code frontendUrl}, and contains the tenant's seeded users (their
 * Keycloak ids are the seeded external subjects, so {@code sub} matches the identity catalog) and the public client
 * {@link #CLIENT_ID} with PKCE S256 and an audience mapper for {@link #AUDIENCE}. The optional client scope {@link
 * #CONFLICTING_SCOPE} adds a {@code tenantId} claim naming the next seeded tenant.
 */
public final class SandboxRealms {

    static final String CLIENT_ID = "catalog-smoke";
    static final String REDIRECT_URI = "http://127.0.0.1/catalog-smoke/callback";
    static final String AUDIENCE = "platform";
    static final String CONFLICTING_SCOPE = "catalog-smoke-conflicting-tenant";
    static final String TENANT_CLAIM = "tenantId";

    /** A realm with a persona and a valid signing key, but no routing row, for the unknown-issuer contract. */
    static final String UNROUTED_REALM = "outsider";

    /** The seeded user that logs in for each realm. */
    static final String PERSONA = "user1";

    private SandboxRealms() {}

    /** Returns one realm representation per seeded tenant and one for {@link #UNROUTED_REALM}. */
    static List<Map<String, Object>> of(List<SeedTenant> tenants, String publicUrl, String password) {
        List<Map<String, Object>> realms = new ArrayList<>();
        for (int i = 0; i < tenants.size(); i++) {
            SeedTenant tenant = tenants.get(i);
            String otherTenant = tenants.get((i + 1) % tenants.size()).id();
            realms.add(realm(tenant.slug(), publicUrl, password, otherTenant));
        }
        realms.add(realm(UNROUTED_REALM, publicUrl, password, tenants.get(0).id()));
        return realms;
    }

    static Map<String, Object> realm(String slug, String publicUrl, String password, String conflictingTenant) {
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", slug);
        realm.put("enabled", true);
        realm.put("attributes", Map.of("frontendUrl", publicUrl));
        realm.put("clientScopes", List.of(basicScope(), conflictingScope(conflictingTenant)));
        realm.put("defaultDefaultClientScopes", List.of("basic"));
        realm.put("clients", List.of(client()));
        realm.put("users", users(slug, password));
        return realm;
    }

    private static Map<String, Object> client() {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", CLIENT_ID);
        client.put("publicClient", true);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", true);
        client.put("redirectUris", List.of(REDIRECT_URI));
        client.put("attributes", Map.of("pkce.code.challenge.method", "S256"));
        client.put("defaultClientScopes", List.of("basic"));
        client.put("optionalClientScopes", List.of(CONFLICTING_SCOPE));
        client.put(
                "protocolMappers",
                List.of(mapper(
                        "platform audience",
                        "oidc-audience-mapper",
                        Map.of("included.custom.audience", AUDIENCE, "introspection.token.claim", "true"))));
        return client;
    }

    private static Map<String, Object> basicScope() {
        return scope("basic", mapper("sub", "oidc-sub-mapper", Map.of("introspection.token.claim", "true")));
    }

    private static Map<String, Object> conflictingScope(String tenantId) {
        return scope(
                CONFLICTING_SCOPE,
                mapper(
                        TENANT_CLAIM,
                        "oidc-hardcoded-claim-mapper",
                        Map.of("claim.name", TENANT_CLAIM, "claim.value", tenantId, "jsonType.label", "String")));
    }

    private static Map<String, Object> scope(String name, Map<String, Object> mapper) {
        return Map.of(
                "name",
                name,
                "protocol",
                "openid-connect",
                "attributes",
                Map.of("include.in.token.scope", "true"),
                "protocolMappers",
                List.of(mapper));
    }

    private static Map<String, Object> mapper(String name, String type, Map<String, String> extra) {
        Map<String, String> config = new LinkedHashMap<>(extra);
        config.put("access.token.claim", "true");
        config.put("id.token.claim", "false");
        config.put("userinfo.token.claim", "false");
        return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", type, "config", config);
    }

    private static List<Map<String, Object>> users(String slug, String password) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (int k = 1; k <= SandboxSeed.USERS_PER_TENANT; k++) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", md5Uuid(slug + "/subject/" + k));
            user.put("username", "user" + k);
            user.put("email", "user" + k + "@" + slug + ".example.test");
            user.put("emailVerified", true);
            user.put("firstName", "User " + k);
            user.put("lastName", "of " + slug);
            user.put("enabled", true);
            user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
            users.add(user);
        }
        return users;
    }

    /** Returns PostgreSQL's {@code md5(text)::uuid} of the text, as the seed computes subjects. */
    public static String md5Uuid(String text) {
        try {
            String hex = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
