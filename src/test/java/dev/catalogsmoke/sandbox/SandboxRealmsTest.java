package dev.catalogsmoke.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxRealmsTest {

    private static final String URL = "http://127.0.0.1:18080";

    @Test
    void md5UuidUsesUuidLayout() {
        // Python's hashlib.md5(b"acme/subject/1") in the 8-4-4-4-12 layout that PostgreSQL's ::uuid cast prints.
        assertThat(SandboxRealms.md5Uuid("acme/subject/1")).isEqualTo("4a30bf0f-e4ec-39fb-d8c5-8dcd44b80403");
    }

    @Test
    void oneRealmPerTenantPlusUnroutedAndBroker() {
        List<Map<String, Object>> realms =
                SandboxRealms.of(SandboxSeed.of(3, URL).tenants(), URL, "pw");

        assertThat(realms)
                .extracting(realm -> realm.get("realm"))
                .containsExactly("acme", "globex", "initech", SandboxRealms.UNROUTED_REALM, SandboxRealms.BROKER_REALM);
    }

    @Test
    void brokerHasOneProviderPerRealm() {
        Map<String, Object> broker =
                SandboxRealms.of(SandboxSeed.of(3, URL).tenants(), URL, "pw").get(4);

        List<String> aliases = ((List<?>) broker.get("identityProviders"))
                .stream()
                        .map(provider -> String.valueOf(((Map<?, ?>) provider).get("alias")))
                        .toList();

        assertThat(aliases).containsExactly("acme", "globex", "initech", SandboxRealms.UNROUTED_REALM);
        assertThat(broker.toString()).contains("user.session.note=identity_provider");
        assertThat(broker.toString()).contains("issuer=" + URL + "/realms/acme");
    }

    @Test
    void realmPinsIssuerAndConflictsWithNextTenant() {
        List<Map<String, Object>> realms =
                SandboxRealms.of(SandboxSeed.of(3, URL).tenants(), URL, "pw");
        String globexId = SandboxSeed.of(3, URL).tenants().get(1).id();

        assertThat(realms.get(0).get("attributes")).isEqualTo(Map.of("frontendUrl", URL));
        assertThat(realms.get(0).toString()).contains("claim.value=" + globexId);
    }
}
