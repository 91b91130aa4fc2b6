package dev.catalogsmoke.sandbox;

import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login side of one sandbox: a second way into the shared Keycloak on 127.0.0.2 (the in-cluster URL), the
 * reference platform, the personas Secret, and the Keycloak faults, which {@link #close()} undoes.
 */
final class SandboxAuth implements AutoCloseable {

    static final String PERSONAS_SECRET = "catalog-smoke-personas";

    /** The realm whose issuer {@link Fault#KEYCLOAK_HOSTNAME_NOT_PINNED} unpins. */
    static final String UNPINNED_REALM = "acme";

    /** The realm that {@link Fault#REALM_MISSING} deletes. */
    static final String MISSING_REALM = "globex";

    /** The realm from which {@link Fault#REALM_USER_MISSING} deletes user3. */
    static final String USERLESS_REALM = "initech";

    static final String ADMIN_SECRET = "keycloak-admin";

    /** The identity provider that {@link Fault#BROKER_PROVIDER_MISSING} deletes from the broker realm. */
    static final String MISSING_PROVIDER = "globex";

    private static final Logger log = LoggerFactory.getLogger(SandboxAuth.class);

    private final SandboxKeycloak keycloak;
    private final SandboxOptions options;
    private LoopbackForwarder internal;
    private ReferencePlatform platform;
    private boolean realmDeleted;
    private boolean realmUnpinned;
    private boolean userDeleted;
    private boolean providerDeleted;
    private boolean aliasMapperDeleted;

    private SandboxAuth(SandboxKeycloak keycloak, SandboxOptions options) {
        this.keycloak = keycloak;
        this.options = options;
    }

    /** Starts the forwarder and the platform, writes the personas Secret and injects the Keycloak faults. */
    static SandboxAuth start(SandboxKeycloak keycloak, Sandbox sandbox) {
        SandboxAuth auth = new SandboxAuth(keycloak, sandbox.options());
        try {
            auth.internal = LoopbackForwarder.start(
                    "127.0.0.2", URI.create(keycloak.publicUrl()).getPort());
            auth.platform = ReferencePlatform.start(
                    sandbox.cluster(),
                    sandbox.options().faults(),
                    keycloak.publicUrl() + "/realms/" + SandboxRealms.BROKER_REALM);
            sandbox.kubernetes().putSecret(Sandbox.NAMESPACE, PERSONAS_SECRET, "Opaque", auth.personas(sandbox));
            sandbox.kubernetes()
                    .putSecret(
                            Sandbox.NAMESPACE, ADMIN_SECRET, SandboxResources.BASIC_AUTH, keycloak.adminCredentials());
            SandboxRealmImports.create(sandbox.kubernetes(), sandbox.seedTenants(), sandbox.options());
            auth.injectFaults();
            return auth;
        } catch (RuntimeException e) {
            auth.close();
            throw e;
        }
    }

    private Map<String, String> personas(Sandbox sandbox) {
        Map<String, String> data = new LinkedHashMap<>();
        for (SeedTenant tenant : sandbox.seedTenants()) {
            data.put(tenant.realm() + ".username", SandboxRealms.PERSONA);
            data.put(tenant.realm() + ".password", keycloak.personaPassword());
        }
        data.put(SandboxRealms.UNROUTED_REALM + ".username", SandboxRealms.PERSONA);
        data.put(SandboxRealms.UNROUTED_REALM + ".password", keycloak.personaPassword());
        return data;
    }

    private void injectFaults() {
        if (options.has(Fault.REALM_MISSING)) {
            keycloak.deleteRealm(MISSING_REALM);
            realmDeleted = true;
        }
        if (options.has(Fault.KEYCLOAK_HOSTNAME_NOT_PINNED)) {
            keycloak.setFrontendUrl(UNPINNED_REALM, "");
            realmUnpinned = true;
        }
        if (options.has(Fault.REALM_USER_MISSING)) {
            keycloak.deleteUser(USERLESS_REALM, SandboxRealms.md5Uuid(USERLESS_REALM + "/subject/3"));
            userDeleted = true;
        }
        if (options.has(Fault.BROKER_PROVIDER_MISSING)) {
            keycloak.deleteIdentityProvider(SandboxRealms.BROKER_REALM, MISSING_PROVIDER);
            providerDeleted = true;
        }
        if (options.has(Fault.BROKER_ALIAS_CLAIM_MISSING)) {
            keycloak.deleteClientMapper(SandboxRealms.BROKER_REALM, SandboxRealms.CLIENT_ID, SandboxRealms.ALIAS_CLAIM);
            aliasMapperDeleted = true;
        }
    }

    /** Returns the configuration keys of Keycloak and the platform, as a tree for the sandbox's overlay. */
    Map<String, Object> configOverlay() {
        Map<String, Object> keycloakKeys = new LinkedHashMap<>();
        keycloakKeys.put("enabled", true);
        keycloakKeys.put("publicUrl", keycloak.publicUrl());
        keycloakKeys.put("internalUrl", internal.url());
        keycloakKeys.put("clientId", SandboxRealms.CLIENT_ID);
        keycloakKeys.put("redirectUri", SandboxRealms.REDIRECT_URI);
        keycloakKeys.put("personasSecret", PERSONAS_SECRET);
        keycloakKeys.put("adminSecret", ADMIN_SECRET);
        Map<String, Object> platformKeys = new LinkedHashMap<>();
        platformKeys.put("enabled", true);
        platformKeys.put("endpoint", platform.endpoint());
        platformKeys.put("tenantPointer", "/tenantId");
        platformKeys.put("tenantClaim", SandboxRealms.TENANT_CLAIM);
        platformKeys.put("tenantHeader", ReferencePlatform.TENANT_HEADER);
        platformKeys.put("conflictingClaimScope", SandboxRealms.CONFLICTING_SCOPE);
        platformKeys.put("unroutedRealm", SandboxRealms.UNROUTED_REALM);
        return Map.of("keycloak", keycloakKeys, "platformAuth", platformKeys, "routingKey", routingKeys(options));
    }

    /** Returns the routing key settings; under idp_alias the personas log in through the broker realm. */
    static Map<String, Object> routingKeys(SandboxOptions options) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("strategy", options.routing().toString());
        keys.put("brokerRealm", SandboxRealms.BROKER_REALM);
        keys.put("aliasClaim", SandboxRealms.ALIAS_CLAIM);
        return keys;
    }

    /** Returns the keys that turn the Keycloak and platform checks off, for a sandbox without Keycloak. */
    static Map<String, Object> disabledOverlay(SandboxOptions options) {
        return Map.of(
                "keycloak",
                Map.of("enabled", false),
                "platformAuth",
                Map.of("enabled", false),
                "routingKey",
                routingKeys(options));
    }

    String platformEndpoint() {
        return platform.endpoint();
    }

    String internalUrl() {
        return internal.url();
    }

    @Override
    public void close() {
        try {
            if (realmDeleted) {
                keycloak.restoreRealm(MISSING_REALM);
            }
            if (userDeleted) {
                keycloak.deleteRealm(USERLESS_REALM);
                keycloak.restoreRealm(USERLESS_REALM);
            }
            if (realmUnpinned) {
                keycloak.setFrontendUrl(UNPINNED_REALM, keycloak.publicUrl());
            }
            if (providerDeleted) {
                keycloak.restoreIdentityProvider(SandboxRealms.BROKER_REALM, MISSING_PROVIDER);
            }
            if (aliasMapperDeleted) {
                keycloak.addClientMapper(
                        SandboxRealms.BROKER_REALM, SandboxRealms.CLIENT_ID, SandboxRealms.aliasMapper());
            }
        } catch (RuntimeException e) {
            log.warn("undoing the Keycloak faults failed, so the shared Keycloak keeps them: {}", e.getMessage());
        }
        if (platform != null) {
            platform.close();
        }
        if (internal != null) {
            internal.close();
        }
    }
}
