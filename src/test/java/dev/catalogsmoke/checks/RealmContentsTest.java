package dev.catalogsmoke.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import dev.catalogsmoke.config.TokenGrant;
import dev.catalogsmoke.keycloak.RealmTarget;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RealmContentsTest {

    private static final RealmTarget ACME = new RealmTarget(
            new SeedTenant("t-1", "acme", "acme", "https://auth.example.test/realms/acme"),
            "https://auth.example.test/realms/acme",
            "routing row's");

    private static SmokeConfig.Keycloak settings(TokenGrant grant) {
        return new SmokeConfig.Keycloak(
                true,
                "https://auth.example.test",
                "",
                "catalog-smoke",
                "http://127.0.0.1/callback",
                grant,
                "personas",
                "",
                "",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                8);
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    @Test
    void missingClientIsNamed() {
        Findings findings = new Findings();

        RealmContents.judgeClient(findings, ACME, null, settings(TokenGrant.AUTHORIZATION_CODE));

        assertThatThrownBy(() -> findings.assertNone("realm"))
                .hasMessageContaining("realm acme (tenant acme), client catalog-smoke: client is missing");
    }

    @Test
    void clientWithoutPkceIsNamed() {
        Findings findings = new Findings();
        JsonNode client = json("{\"enabled\":true,\"standardFlowEnabled\":true,\"attributes\":{},"
                + "\"redirectUris\":[\"http://127.0.0.1/callback\"]}");

        RealmContents.judgeClient(findings, ACME, client, settings(TokenGrant.AUTHORIZATION_CODE));

        assertThatThrownBy(() -> findings.assertNone("realm")).hasMessageContaining("PKCE method is not S256");
    }

    @Test
    void passwordGrantNeedsDirectAccess() {
        Findings findings = new Findings();
        JsonNode client = json("{\"enabled\":true,\"directAccessGrantsEnabled\":false}");

        RealmContents.judgeClient(findings, ACME, client, settings(TokenGrant.PASSWORD));

        assertThatThrownBy(() -> findings.assertNone("realm")).hasMessageContaining("direct access grants are off");
    }

    @Test
    void missingUsersAreCountedWithSample() {
        Findings findings = new Findings();

        RealmContents.judgeUsers(findings, ACME, Set.of("s1", "s2", "s3"), Set.of("s1"));

        assertThatThrownBy(() -> findings.assertNone("realm"))
                .hasMessageContaining("2 of 3 subjects linked to issuer https://auth.example.test/realms/acme")
                .hasMessageContaining("sample: [s2, s3]");
    }

    @Test
    void allUsersPresentAddsNothing() {
        Findings findings = new Findings();

        RealmContents.judgeUsers(findings, ACME, Set.of("s1"), Set.of("s1", "s9"));

        assertThat(findings.isEmpty()).isTrue();
    }
}
