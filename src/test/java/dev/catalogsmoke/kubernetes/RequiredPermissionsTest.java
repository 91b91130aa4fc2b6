package dev.catalogsmoke.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.config.ConfigLoader;
import dev.catalogsmoke.config.SmokeConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequiredPermissionsTest {

    @Test
    void postgresChecksNeedCredentialsAndCa() {
        List<String> keys = keys(RequiredPermissions.forSelection(config(Map.of()), Set.of("postgres"), false));

        assertThat(keys)
                .containsExactly(
                        "get secrets identity-db-credentials",
                        "get secrets tenancy-db-credentials",
                        "get secrets postgres-ameide-ca");
    }

    @Test
    void configuredNamesAreUsed() {
        SmokeConfig config = config(Map.of(
                "CATALOG_SMOKE_CATALOGS_TENANCY_SECRET", "tenancy-app",
                "CATALOG_SMOKE_PUBLISH_CONFIG_MAP", "smoke-verdict"));

        List<String> keys = keys(RequiredPermissions.forSelection(config, Set.of("secrets"), true));

        assertThat(keys).contains("get secrets tenancy-app", "update configmaps smoke-verdict");
        assertThat(keys).doesNotContain("get secrets tenancy-db-credentials");
    }

    @Test
    void caNotNeededWithoutVerifyFull() {
        SmokeConfig config = config(Map.of("CATALOG_SMOKE_POSTGRES_TLS_MODE", "require"));

        List<String> keys = keys(RequiredPermissions.forSelection(config, Set.of("postgres"), false));

        assertThat(keys).doesNotContain("get secrets postgres-ameide-ca");
    }

    @Test
    void cnpgChecksReadDatabasesAndClusters() {
        List<String> keys = keys(RequiredPermissions.forSelection(config(Map.of()), Set.of("cnpg"), false));

        assertThat(keys)
                .containsExactly(
                        "get databases.postgresql.cnpg.io *",
                        "list databases.postgresql.cnpg.io *",
                        "get clusters.postgresql.cnpg.io *",
                        "list clusters.postgresql.cnpg.io *");
    }

    @Test
    void keycloakChecksReadRealmImports() {
        List<String> keys = keys(RequiredPermissions.forSelection(config(Map.of()), Set.of("keycloak"), false));

        assertThat(keys)
                .containsExactly(
                        "get keycloakrealmimports.k8s.keycloak.org *", "list keycloakrealmimports.k8s.keycloak.org *");
    }

    @Test
    void publishingNeedsConfigMapAndEvent() {
        List<String> keys = keys(RequiredPermissions.forSelection(config(Map.of()), Set.of(), true));

        assertThat(keys)
                .containsExactly(
                        "get configmaps catalog-smoke-result",
                        "update configmaps catalog-smoke-result",
                        "create configmaps *",
                        "create events *");
    }

    @Test
    void nothingWithoutKubernetes() {
        SmokeConfig config = config(Map.of(
                "CATALOG_SMOKE_KUBERNETES_ENABLED", "false",
                "CATALOG_SMOKE_CREDENTIALS_SOURCE", "env",
                "CATALOG_SMOKE_POSTGRES_TLS_CA_FILE", "/etc/ca.crt"));

        assertThat(RequiredPermissions.all(config)).isEmpty();
    }

    @Test
    void credentialsFromEnvironmentNeedNoSecret() {
        SmokeConfig config = config(
                Map.of("CATALOG_SMOKE_CREDENTIALS_SOURCE", "env", "CATALOG_SMOKE_POSTGRES_TLS_CA_FILE", "/etc/ca.crt"));

        List<String> keys = keys(RequiredPermissions.all(config));

        assertThat(keys).noneMatch(key -> key.contains(" secrets "));
        assertThat(keys).contains("get databases.postgresql.cnpg.io *");
    }

    private static SmokeConfig config(Map<String, String> environment) {
        return new ConfigLoader(environment).load(null);
    }

    private static List<String> keys(List<Permission> permissions) {
        return permissions.stream().map(RoleRules::key).toList();
    }
}
