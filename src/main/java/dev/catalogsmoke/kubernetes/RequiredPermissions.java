package dev.catalogsmoke.kubernetes;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.CredentialsSource;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.config.TlsMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Kubernetes permissions that the checks and the result publishing need, derived from the configuration.
 *
 * <p>This is the one list: {@code preflight} requests it from the API server, and a test keeps the Role in {@code
 * k8s-job.yaml} equal to {@link #all}. A check needs a permission when it carries one of the permission's tags.
 */
public final class RequiredPermissions {

    private static final String CNPG_GROUP = "postgresql.cnpg.io";
    private static final String KEYCLOAK_GROUP = "k8s.keycloak.org";

    private RequiredPermissions() {}

    /** Returns every permission that the configuration can need: all checks, and publishing the result. */
    public static List<Permission> all(SmokeConfig config) {
        return collect(config, tag -> true, true);
    }

    /**
     * Returns the permissions needed by checks that carry any of {@code selectedTags}, and by publishing the result
     * when {@code publishResult} is set.
     */
    public static List<Permission> forSelection(SmokeConfig config, Set<String> selectedTags, boolean publishResult) {
        return collect(config, selectedTags::contains, publishResult);
    }

    private static List<Permission> collect(SmokeConfig config, Predicate<String> selected, boolean publishResult) {
        List<Permission> permissions = new ArrayList<>();
        if (!config.kubernetes().enabled()) {
            return permissions;
        }
        if (anyOf(selected, List.of("secrets", "postgres"))
                && config.credentials().source() == CredentialsSource.KUBERNETES) {
            for (Catalog catalog : Catalog.values()) {
                permissions.add(new Permission(
                        "get",
                        "",
                        "secrets",
                        config.catalog(catalog).secret(),
                        "credentials of the " + catalog + " catalog"));
            }
        }
        if (anyOf(selected, List.of("postgres"))
                && config.credentials().source() == CredentialsSource.KUBERNETES
                && config.postgres().tls().mode() == TlsMode.VERIFY_FULL) {
            permissions.add(new Permission(
                    "get", "", "secrets", config.postgres().tls().caSecret(), "CA certificate for verify-full TLS"));
        }
        if (anyOf(selected, List.of("cutover")) && config.credentials().source() == CredentialsSource.KUBERNETES) {
            permissions.add(new Permission(
                    "get",
                    "",
                    "secrets",
                    config.cutover().legacy().secret(),
                    "credentials of the legacy database, read while it still exists"));
        }
        if (anyOf(selected, List.of("cnpg"))) {
            addReadAny(permissions, CNPG_GROUP, "databases", "CNPG Database resources of the catalogs");
            // NOTE: no check in this version reads clusters; the check of the Cluster's managed roles will.
            addReadAny(
                    permissions,
                    CNPG_GROUP,
                    "clusters",
                    "CNPG Cluster " + config.postgres().cluster());
        }
        addKeycloakSecrets(config, selected, permissions);
        if (anyOf(selected, List.of("keycloak"))) {
            addReadAny(permissions, KEYCLOAK_GROUP, "keycloakrealmimports", "Keycloak realm imports of the tenants");
        }
        if (publishResult) {
            addPublishing(permissions, config.publish().configMap());
        }
        return List.copyOf(permissions);
    }

    private static void addKeycloakSecrets(SmokeConfig config, Predicate<String> selected, List<Permission> out) {
        SmokeConfig.Keycloak keycloak = config.keycloak();
        if (!keycloak.enabled()) {
            return;
        }
        if (anyOf(selected, List.of("platform-auth"))
                && config.platformAuth().enabled()
                && keycloak.personasFile().isEmpty()) {
            out.add(new Permission(
                    "get", "", "secrets", keycloak.personasSecret(), "logins of the personas for platform-auth"));
        }
        if (anyOf(selected, List.of("keycloak")) && !keycloak.adminSecret().isEmpty()) {
            out.add(new Permission(
                    "get", "", "secrets", keycloak.adminSecret(), "Keycloak admin login for the realm contents check"));
        }
    }

    private static void addReadAny(List<Permission> permissions, String group, String resource, String neededFor) {
        permissions.add(new Permission("get", group, resource, "", neededFor));
        permissions.add(new Permission("list", group, resource, "", neededFor));
    }

    private static void addPublishing(List<Permission> permissions, String configMap) {
        String neededFor = "--publish-result";
        permissions.add(new Permission("get", "", "configmaps", configMap, neededFor));
        permissions.add(new Permission("update", "", "configmaps", configMap, neededFor));
        permissions.add(new Permission("create", "", "configmaps", "", neededFor));
        permissions.add(new Permission("create", "", "events", "", neededFor));
    }

    private static boolean anyOf(Predicate<String> selected, Collection<String> tags) {
        return tags.stream().anyMatch(selected);
    }
}
