package dev.catalogsmoke.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeycloakConfigTest {

    private static final String BASE = """
            credentials:
              source: env
            postgres:
              tls:
                mode: disable
            """;

    private static SmokeConfig load(String yaml) {
        return new ConfigLoader(Map.of()).loadWithOverlay(BASE + yaml, "test.yaml", Map.of());
    }

    @Test
    void defaultsTurnChecksOff() {
        SmokeConfig config = load("");

        assertThat(config.keycloak().enabled()).isFalse();
        assertThat(config.platformAuth().enabled()).isFalse();
        assertThat(config.keycloak().grant()).isEqualTo(TokenGrant.AUTHORIZATION_CODE);
    }

    @Test
    void enabledKeycloakNeedsPublicUrl() {
        assertThatThrownBy(() -> load("keycloak:\n  enabled: true\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'keycloak.publicUrl'")
                .hasMessageContaining("expected a non-empty value")
                .hasMessageContaining("CATALOG_SMOKE_KEYCLOAK_PUBLIC_URL");
    }

    @Test
    void publicUrlWithTrailingSlashIsRejected() {
        assertThatThrownBy(() -> load("keycloak:\n  enabled: true\n  publicUrl: https://auth.example.test/\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("without a trailing '/'");
    }

    @Test
    void platformNeedsKeycloak() {
        assertThatThrownBy(() -> load("platformAuth:\n  enabled: true\n  endpoint: https://p.example.test/t\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("enable keycloak too");
    }

    @Test
    void tenantPointerMustBeJsonPointer() {
        assertThatThrownBy(() -> load("keycloak:\n  enabled: true\n  publicUrl: https://auth.example.test\n"
                        + "platformAuth:\n  enabled: true\n  endpoint: https://p.example.test/t\n"
                        + "  tenantPointer: tenantId\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("JSON Pointer");
    }

    @Test
    void passwordGrantIsAccepted() {
        SmokeConfig config = load("keycloak:\n  grant: password\n");

        assertThat(config.keycloak().grant()).isEqualTo(TokenGrant.PASSWORD);
    }
}
