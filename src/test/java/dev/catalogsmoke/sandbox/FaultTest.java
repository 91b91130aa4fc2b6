package dev.catalogsmoke.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultTest {

    @Test
    void keycloakFaultsNeedKeycloak() {
        assertThat(Fault.REALM_MISSING.needsKeycloak()).isTrue();
        assertThat(Fault.PLATFORM_SKIPS_SIGNATURE.needsKeycloak()).isTrue();
        assertThat(Fault.REALM_USER_MISSING.needsKeycloak()).isTrue();
    }

    @Test
    void databaseFaultsDoNot() {
        assertThat(Fault.PASSWORD_DRIFT.needsKeycloak()).isFalse();
        assertThat(Fault.ROUTING_TRAILING_SLASH.needsKeycloak()).isFalse();
        assertThat(Fault.ALIAS_DANGLING.needsKeycloak()).isFalse();
    }
}
