package dev.catalogsmoke.checks;

import static org.junit.jupiter.api.Assumptions.abort;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.CredentialsSource;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.engine.SmokeContext;
import dev.catalogsmoke.kubernetes.CnpgDatabaseReader;
import dev.catalogsmoke.kubernetes.CnpgDatabaseStatus;
import dev.catalogsmoke.kubernetes.CredentialsSecretRules;
import dev.catalogsmoke.kubernetes.KubernetesCredentials;
import dev.catalogsmoke.kubernetes.SecretSnapshot;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@CheckSuite
@DisplayName("secrets")
@Tag("kubernetes")
@Order(10)
class SecretsCheck {

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @EnumSource(Catalog.class)
    @Tag("secrets")
    @DisplayName("credentials Secret exists with a username and password for the catalog's role")
    @Verifies("The catalog's credentials Secret exists (waited for), has type kubernetes.io/basic-auth, a non-empty"
            + " username equal to the role and a non-empty password. Extra keys are allowed, never required.")
    void credentialsSecretIsUsable(Catalog catalog, SmokeContext context, TestReporter reporter) {
        if (context.config().credentials().source() != CredentialsSource.KUBERNETES) {
            abort("credentials.source is " + context.config().credentials().source() + ", so no Secret is read");
        }
        SecretSnapshot secret = ((KubernetesCredentials) context.credentials()).secret(catalog);
        reporter.publishEntry(Map.of(
                "secret", secret.ref(),
                "type", String.valueOf(secret.type()),
                "keys", secret.keys().toString(),
                "resourceVersion", String.valueOf(secret.resourceVersion()),
                "expectedRole", context.config().catalog(catalog).role()));

        Findings findings = new Findings();
        findings.addAll(CredentialsSecretRules.problems(
                secret, context.config().catalog(catalog).role()));
        findings.assertNone("Secret " + secret.ref());
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @EnumSource(Catalog.class)
    @Tag("cnpg")
    @DisplayName("CNPG Database resource is applied for its current generation")
    @Verifies("The catalog's CNPG Database resource reports status.applied true for its metadata.generation, and"
            + " declares the expected database, owner and cluster. Skipped where the CRD is not served.")
    void cnpgDatabaseIsApplied(Catalog catalog, SmokeContext context, TestReporter reporter) {
        SmokeConfig config = context.config();
        String name = config.catalog(catalog).cnpgDatabase();
        if (!context.kubernetes().enabled()) {
            abort("kubernetes.enabled is false, so no CNPG resource is read");
        }
        if (name.isEmpty()) {
            abort("catalogs." + catalog + ".cnpgDatabase is empty, so this catalog's database is not declared by CNPG");
        }
        CnpgDatabaseReader reader = new CnpgDatabaseReader(
                context.kubernetes(), context.waits(), config.waits().cnpgDatabase());
        if (!reader.databasesServed()) {
            abort("the API server does not serve databases." + CnpgDatabaseReader.GROUP_VERSION.replace("/v1", "")
                    + " (CNPG Database CRD absent), so there is no Database resource to check");
        }
        CnpgDatabaseStatus status = reader.awaitApplied(config.namespace(), name);
        reporter.publishEntry(Map.of("database", status.ref(), "status", status.describe()));

        Findings findings = new Findings();
        String object = "CNPG Database " + status.ref();
        expect(findings, object, "spec.name", config.catalog(catalog).database(), status.specName());
        expect(findings, object, "spec.owner", config.catalog(catalog).role(), status.specOwner());
        expect(findings, object, "spec.cluster.name", config.postgres().cluster(), status.specCluster());
        findings.assertNone(object);
    }

    private static void expect(Findings findings, String object, String field, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            findings.add(
                    object,
                    field + " differs from the configuration",
                    "'" + expected + "'",
                    "'" + actual + "'",
                    "Fix the resource in Git or the configuration, whichever is wrong");
        }
    }
}
