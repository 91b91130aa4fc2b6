package dev.catalogsmoke.sandbox;

import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;

/**
 * Writes into the mock API server what the Keycloak operator would: the {@code KeycloakRealmImport} CRD and one
 * import per seeded realm, reporting {@code Done}. The sandbox's Keycloak imports the realms itself at start, so these
 * resources carry only the status an operator would report. The checks judge realms by what Keycloak serves.
 */
final class SandboxRealmImports {

    static final ResourceDefinitionContext IMPORTS = new ResourceDefinitionContext.Builder()
            .withGroup("k8s.keycloak.org")
            .withVersion("v2alpha1")
            .withKind("KeycloakRealmImport")
            .withPlural("keycloakrealmimports")
            .withNamespaced(true)
            .build();

    /** The realm whose import {@link Fault#REALM_IMPORT_HAS_ERRORS} marks failed. */
    static final String FAILED_REALM = "initech";

    private SandboxRealmImports() {}

    static void create(MockKubernetes kubernetes, List<SeedTenant> tenants, SandboxOptions options) {
        kubernetes
                .client()
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(new CustomResourceDefinitionBuilder()
                        .withNewMetadata()
                        .withName("keycloakrealmimports.k8s.keycloak.org")
                        .endMetadata()
                        .withNewSpec()
                        .withGroup("k8s.keycloak.org")
                        .withScope("Namespaced")
                        .withNewNames()
                        .withKind("KeycloakRealmImport")
                        .withPlural("keycloakrealmimports")
                        .withSingular("keycloakrealmimport")
                        .endNames()
                        .addNewVersion()
                        .withName("v2alpha1")
                        .withServed(true)
                        .withStorage(true)
                        .endVersion()
                        .endSpec()
                        .build())
                .create();
        for (SeedTenant tenant : tenants) {
            boolean failed =
                    options.has(Fault.REALM_IMPORT_HAS_ERRORS) && tenant.realm().equals(FAILED_REALM);
            put(kubernetes, tenant.realm(), failed);
        }
    }

    private static void put(MockKubernetes kubernetes, String realm, boolean failed) {
        GenericKubernetesResource resource = new GenericKubernetesResourceBuilder()
                .withApiVersion("k8s.keycloak.org/v2alpha1")
                .withKind("KeycloakRealmImport")
                .withNewMetadata()
                .withNamespace(Sandbox.NAMESPACE)
                .withName(realm + "-realm")
                .endMetadata()
                .build();
        resource.setAdditionalProperty("spec", Map.of("keycloakCRName", "keycloak", "realm", Map.of("realm", realm)));
        String hasErrorsMessage = failed ? "realm import job failed: user 'user3' has an invalid email" : "";
        resource.setAdditionalProperty(
                "status",
                Map.of(
                        "conditions",
                        List.of(
                                condition("Done", "True", ""),
                                condition("Started", "False", ""),
                                condition("HasErrors", failed ? "True" : "False", hasErrorsMessage))));
        kubernetes
                .client()
                .genericKubernetesResources(IMPORTS)
                .inNamespace(Sandbox.NAMESPACE)
                .resource(resource)
                .createOr(existing -> existing.update());
    }

    private static Map<String, String> condition(String type, String status, String message) {
        return Map.of("type", type, "status", status, "message", message);
    }
}
