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
 *
 * <p>The realm {@link #BROKER_REALM} serves routing key strategy {@code idp_alias}: it has no users of its own and
 * brokers one OpenID Connect identity provider per tenant realm (and one for {@link #UNROUTED_REALM}), each with the
 * tenant realm's name as alias. Its {@link #CLIENT_ID} client copies the session note {@code identity_provider},
 * which Keycloak sets to the alias used for the login, into the claim {@link #ALIAS_CLAIM}. Each tenant realm has
 * the confidential client {@link #BROKER_CLIENT_ID} that the broker logs in with.
 */
public final class SandboxRealms {

    static final String CLIENT_ID = "catalog-smoke";
    static final String REDIRECT_URI = "http://127.0.0.1/catalog-smoke/callback";
    static final String AUDIENCE = "platform";
    static final String CONFLICTING_SCOPE = "catalog-smoke-conflicting-tenant";
    static final String TENANT_CLAIM = "tenantId";

    /** A realm with a persona and a valid signing key, but no routing row, for the unknown-issuer contract. */
    static final String UNROUTED_REALM = "outsider";

    /** The realm that brokers one identity provider per tenant realm, for routing key strategy idp_alias. */
    public static final String BROKER_REALM = "broker";

    /** The claim of the broker's tokens that names the identity provider of the login. */
    public static final String ALIAS_CLAIM = "identity_provider";

    static final String BROKER_CLIENT_ID = "broker";

    /** The seeded user that logs in for each realm. */
    static final String PERSONA = "user1";

    private SandboxRealms() {}

    /**
     * Returns one realm representation per seeded tenant, one for {@link #UNROUTED_REALM} and the {@link
     * #BROKER_REALM}. {@code password} is every user's password and the secret of the broker's client.
     */
    static List<Map<String, Object>> of(List<SeedTenant> tenants, String publicUrl, String password) {
        List<Map<String, Object>> realms = new ArrayList<>();
        List<String> brokered = new ArrayList<>();
        for (int i = 0; i < tenants.size(); i++) {
            SeedTenant tenant = tenants.get(i);
            String otherTenant = tenants.get((i + 1) % tenants.size()).id();
            realms.add(realm(tenant.slug(), publicUrl, password, otherTenant));
            brokered.add(tenant.slug());
        }
        realms.add(realm(UNROUTED_REALM, publicUrl, password, tenants.get(0).id()));
        brokered.add(UNROUTED_REALM);
        // The broker's conflicting claim names the first tenant for every persona, so the first persona's claim names
        // its own tenant and the claim check has to use the next persona.
        realms.add(brokerRealm(brokered, publicUrl, password, tenants.get(0).id()));
        return realms;
    }

    static Map<String, Object> realm(String slug, String publicUrl, String password, String conflictingTenant) {
        Map<String, Object> realm = base(slug, publicUrl, conflictingTenant);
        realm.put("clients", List.of(client(List.of()), brokerClient(publicUrl, password)));
        realm.put("users", users(slug, password));
        return realm;
    }

    private static Map<String, Object> base(String name, String publicUrl, String conflictingTenant) {
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", name);
        realm.put("enabled", true);
        realm.put("attributes", Map.of("frontendUrl", publicUrl));
        realm.put("clientScopes", List.of(basicScope(), conflictingScope(conflictingTenant)));
        realm.put("defaultDefaultClientScopes", List.of("basic"));
        return realm;
    }

    /** The broker realm: no users, one identity provider per realm in {@code aliases}, named after the realm. */
    static Map<String, Object> brokerRealm(
            List<String> aliases, String publicUrl, String secret, String conflictingTenant) {
        Map<String, Object> realm = base(BROKER_REALM, publicUrl, conflictingTenant);
        realm.put("clients", List.of(client(List.of(aliasMapper()))));
        List<Map<String, Object>> providers = new ArrayList<>();
        List<Map<String, Object>> providerMappers = new ArrayList<>();
        for (String alias : aliases) {
            providers.add(identityProvider(alias, publicUrl, secret));
            providerMappers.add(usernameMapper(alias));
        }
        realm.put("identityProviders", providers);
        realm.put("identityProviderMappers", providerMappers);
        return realm;
    }

    /** Returns the identity provider {@code alias} of the broker realm, which logs in to the realm of that name. */
    static Map<String, Object> identityProvider(String alias, String publicUrl, String secret) {
        String issuer = publicUrl + "/realms/" + alias;
        String endpoints = issuer + "/protocol/openid-connect";
        Map<String, String> config = new LinkedHashMap<>();
        config.put("issuer", issuer);
        config.put("authorizationUrl", endpoints + "/auth");
        config.put("tokenUrl", endpoints + "/token");
        config.put("userInfoUrl", endpoints + "/userinfo");
        config.put("jwksUrl", endpoints + "/certs");
        config.put("useJwksUrl", "true");
        config.put("validateSignature", "true");
        config.put("clientId", BROKER_CLIENT_ID);
        config.put("clientSecret", secret);
        config.put("clientAuthMethod", "client_secret_post");
        config.put("defaultScope", "openid");
        config.put("syncMode", "IMPORT");
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("alias", alias);
        provider.put("providerId", "oidc");
        provider.put("enabled", true);
        provider.put("trustEmail", true);
        provider.put("firstBrokerLoginFlowAlias", "first broker login");
        provider.put("config", config);
        return provider;
    }

    /** Names brokered users {@code <alias>.<username>}, so user1 of two tenant realms are two broker users. */
    static Map<String, Object> usernameMapper(String alias) {
        return Map.of(
                "name",
                "username of " + alias,
                "identityProviderAlias",
                alias,
                "identityProviderMapper",
                "oidc-username-idp-mapper",
                "config",
                Map.of("template", "${ALIAS}.${CLAIM.preferred_username}", "syncMode", "INHERIT"));
    }

    /** Copies the alias of the login's identity provider, a session note that Keycloak sets, into the token. */
    static Map<String, Object> aliasMapper() {
        return mapper(
                ALIAS_CLAIM,
                "oidc-usersessionmodel-note-mapper",
                Map.of(
                        "user.session.note",
                        "identity_provider",
                        "claim.name",
                        ALIAS_CLAIM,
                        "jsonType.label",
                        "String"));
    }

    /**
     * Returns the confidential client of a tenant realm that the broker logs in with. Its ID token carries the
     * profile that the broker's first login needs, so Keycloak shows no review page.
     */
    private static Map<String, Object> brokerClient(String publicUrl, String secret) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", BROKER_CLIENT_ID);
        client.put("publicClient", false);
        client.put("secret", secret);
        client.put("clientAuthenticatorType", "client-secret");
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", false);
        client.put("redirectUris", List.of(publicUrl + "/realms/" + BROKER_REALM + "/broker/*"));
        client.put("defaultClientScopes", List.of("basic"));

        List<Map<String, Object>> mappers = new ArrayList<>();
        Map<String, String> properties = Map.of(
                "username", "preferred_username",
                "email", "email",
                "firstName", "given_name",
                "lastName", "family_name");
        properties.forEach((property, claim) -> mappers.add(Map.of(
                "name",
                claim,
                "protocol",
                "openid-connect",
                "protocolMapper",
                "oidc-usermodel-property-mapper",
                "config",
                Map.of(
                        "user.attribute",
                        property,
                        "claim.name",
                        claim,
                        "jsonType.label",
                        "String",
                        "id.token.claim",
                        "true",
                        "access.token.claim",
                        "true",
                        "userinfo.token.claim",
                        "true"))));
        client.put("protocolMappers", mappers);
        return client;
    }

    private static Map<String, Object> client(List<Map<String, Object>> extraMappers) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", CLIENT_ID);
        client.put("publicClient", true);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", true);
        client.put("redirectUris", List.of(REDIRECT_URI));
        client.put("attributes", Map.of("pkce.code.challenge.method", "S256"));
        client.put("defaultClientScopes", List.of("basic"));
        client.put("optionalClientScopes", List.of(CONFLICTING_SCOPE));
        List<Map<String, Object>> mappers = new ArrayList<>();
        mappers.add(mapper(
                "platform audience",
                "oidc-audience-mapper",
                Map.of("included.custom.audience", AUDIENCE, "introspection.token.claim", "true")));
        mappers.addAll(extraMappers);
        client.put("protocolMappers", mappers);
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
