package dev.catalogsmoke.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.report.CheckResult;
import dev.catalogsmoke.report.CheckStatus;
import dev.catalogsmoke.sandbox.Fault;
import dev.catalogsmoke.sandbox.SandboxKeycloak;
import dev.catalogsmoke.sandbox.SandboxRealms;
import dev.catalogsmoke.sandbox.SharedKeycloak;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedKeycloak.class)
class KeycloakRealmCheckTest {

    private static final String TAGS = "keycloak";
    private static final String SERVED = "KeycloakRealmCheck.everySeededRealmIsServed";
    private static final String PATH = "KeycloakRealmCheck.issuerDoesNotDependOnPath";
    private static final String IMPORTS = "KeycloakRealmCheck.realmImportsSucceeded";
    private static final String CONTENTS = "KeycloakRealmCheck.realmHasClientAndLinkedUsers";

    @TempDir
    Path reports;

    @Test
    void healthySandboxPasses(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = SandboxSuite.run(keycloak, TAGS, reports);

        assertThat(results.check(SERVED).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(results.check(PATH).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(results.check(IMPORTS).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(results.check(CONTENTS).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(results.check(CONTENTS).evidence().toString()).contains("acme=5 users, 5 linked subjects");
        assertThat(results.check(SERVED).evidence().toString()).contains("/realms/acme", "signing keys");
    }

    @Test
    void realmMissingFailsRealmServed(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = SandboxSuite.run(keycloak, TAGS, reports, Fault.REALM_MISSING);

        CheckResult served = results.check(SERVED);
        assertThat(served.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(served.message()).contains("realm globex (tenant globex)");
        assertThat(served.message()).contains("discovery document is not served");
        assertThat(served.message()).contains("actual HTTP 404");
        assertThat(served.message())
                .contains("although KeycloakRealmImport catalog-smoke-sandbox/globex-realm reports Done true");
        assertThat(served.message()).doesNotContain("realm acme", "realm initech");
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(SERVED);
    }

    @Test
    void realmIssuerTrailingSlashFailsRealmServed(SandboxKeycloak keycloak) {
        SandboxSuite.Results results =
                SandboxSuite.run(keycloak, TAGS + " | routing", reports, Fault.REALM_ISSUER_TRAILING_SLASH);

        CheckResult served = results.check(SERVED);
        assertThat(served.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(served.message()).contains("realm acme (tenant acme)");
        assertThat(served.message()).contains("differs from the routing row's issuer by missing trailing '/'");
        assertThat(served.message()).contains("expected '" + keycloak.publicUrl() + "/realms/acme/'");
        assertThat(served.message()).contains("actual '" + keycloak.publicUrl() + "/realms/acme'");
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(SERVED);
    }

    @Test
    void routingTrailingSlashFailsRealmServed(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = SandboxSuite.run(keycloak, TAGS, reports, Fault.ROUTING_TRAILING_SLASH);

        CheckResult served = results.check(SERVED);
        assertThat(served.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(served.message()).contains("realm acme (tenant acme)", "trailing '/'");
    }

    @Test
    void hostnameNotPinnedFailsPathCheck(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = SandboxSuite.run(keycloak, TAGS, reports, Fault.KEYCLOAK_HOSTNAME_NOT_PINNED);

        CheckResult path = results.check(PATH);
        assertThat(path.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(path.message()).contains("realm acme (tenant acme)");
        assertThat(path.message()).contains("hostname is not pinned");
        assertThat(path.message()).contains("host '127.0.0.2' instead of '127.0.0.1'");
        assertThat(path.message()).contains("'" + keycloak.publicUrl() + "/realms/acme' (through ");
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(PATH);
    }

    @Test
    void importWithErrorsIsNotReady(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = SandboxSuite.run(keycloak, TAGS, reports, Fault.REALM_IMPORT_HAS_ERRORS);

        CheckResult imports = results.check(IMPORTS);
        assertThat(imports.status()).isEqualTo(CheckStatus.NOT_READY);
        assertThat(imports.message()).contains("timed out waiting for KeycloakRealmImports in namespace");
        assertThat(imports.message()).contains("catalog-smoke-sandbox/initech-realm (realm initech)");
        assertThat(imports.message()).contains("HasErrors true (realm import job failed");
        assertThat(results.check(SERVED).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void missingUserFailsRealmContents(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = SandboxSuite.run(keycloak, TAGS, reports, Fault.REALM_USER_MISSING);

        CheckResult contents = results.check(CONTENTS);
        assertThat(contents.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(contents.message()).contains("realm initech (tenant initech)");
        assertThat(contents.message())
                .contains("1 of 5 subjects linked to issuer " + keycloak.publicUrl()
                        + "/realms/initech in external identities are not users of the realm");
        assertThat(contents.message()).contains(SandboxRealms.md5Uuid("initech/subject/3"));
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(CONTENTS);
    }

    @Test
    void noKeycloakSkipsWithReason() {
        SandboxSuite.Results results = SandboxSuite.run(null, TAGS + " | platform-auth", reports);

        assertThat(results.withStatus(CheckStatus.SKIPPED)).hasSize(10);
        assertThat(results.check(SERVED).message()).contains("keycloak.enabled is false", "--no-keycloak");
        assertThat(results.check("PlatformAuthCheck.personaLandsInRoutedTenant").message())
                .contains("platformAuth.enabled is false", "--no-keycloak");
    }
}
