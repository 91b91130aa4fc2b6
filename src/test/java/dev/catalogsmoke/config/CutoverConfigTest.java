package dev.catalogsmoke.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CutoverConfigTest {

    @Test
    void defaultsFitTheSandbox() {
        CutoverConfig cutover = new ConfigLoader(Map.of()).load(null).cutover();

        assertThat(cutover.phase()).isEqualTo(CutoverPhase.CLEANUP);
        assertThat(cutover.legacy().database()).isEqualTo("platform");
        assertThat(cutover.legacy().secret()).isEqualTo("platform-db-credentials");
        assertThat(cutover.legacy().routing().table()).isEqualTo(SqlIdentifier.of("tenant_routing"));
        assertThat(cutover.legacy().allTables()).contains(SqlIdentifier.of("tenant_routing_view"));
        assertThat(cutover.lockdown().roles()).containsExactly("platform_app");
        assertThat(cutover.cleanup().allowedTables()).isEmpty();
    }

    @Test
    void phaseFromEnvironment() {
        SmokeConfig config = new ConfigLoader(Map.of("CATALOG_SMOKE_CUTOVER_PHASE", "backfill")).load(null);

        assertThat(config.cutover().phase()).isEqualTo(CutoverPhase.BACKFILL);
    }

    @Test
    void unknownPhaseRejected() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("CATALOG_SMOKE_CUTOVER_PHASE", "soak")).load(null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'cutover.phase'")
                .hasMessageContaining("soak");
    }

    @Test
    void emptyLockdownRolesRejected() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("CATALOG_SMOKE_CUTOVER_LOCKDOWN_ROLES", "")).load(null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'cutover.lockdown.roles'")
                .hasMessageContaining("CATALOG_SMOKE_CUTOVER_LOCKDOWN_ROLES");
    }

    @Test
    void invalidAllowedTableRejected() {
        Map<String, String> environment = Map.of("CATALOG_SMOKE_CUTOVER_CLEANUP_ALLOWED_TABLES", "audit; DROP x");

        assertThatThrownBy(() -> new ConfigLoader(environment).load(null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cutover.cleanup.allowedTables")
                .hasMessageContaining("not a valid SQL identifier");
    }

    @Test
    void allowedTablesFromEnvironment() {
        Map<String, String> environment = Map.of("CATALOG_SMOKE_CUTOVER_CLEANUP_ALLOWED_TABLES", "audit_log, users");

        List<SqlIdentifier> allowed =
                new ConfigLoader(environment).load(null).cutover().cleanup().allowedTables();

        assertThat(allowed).containsExactly(SqlIdentifier.of("audit_log"), SqlIdentifier.of("users"));
    }

    @Test
    void legacyCredentialVariablesAccepted() {
        Map<String, String> environment = Map.of(
                "CATALOG_SMOKE_CREDENTIALS_LEGACY_USERNAME", "platform",
                "CATALOG_SMOKE_CREDENTIALS_LEGACY_PASSWORD", "not-a-key");

        assertThat(new ConfigLoader(environment).load(null).cutover().phase()).isEqualTo(CutoverPhase.CLEANUP);
    }
}
