package dev.catalogsmoke.checks;

import static dev.catalogsmoke.checks.CheckIdsForTests.CLAIM;
import static dev.catalogsmoke.checks.CheckIdsForTests.HEADER;
import static dev.catalogsmoke.checks.CheckIdsForTests.JWT;
import static dev.catalogsmoke.checks.CheckIdsForTests.PERSONA;
import static dev.catalogsmoke.checks.CheckIdsForTests.SIGNATURE;
import static dev.catalogsmoke.checks.CheckIdsForTests.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.report.CheckResult;
import dev.catalogsmoke.report.CheckStatus;
import dev.catalogsmoke.sandbox.Fault;
import dev.catalogsmoke.sandbox.SandboxKeycloak;
import dev.catalogsmoke.sandbox.SharedKeycloak;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedKeycloak.class)
class PlatformAuthCheckTest {

    private static final String TAGS = "platform-auth";

    @TempDir
    Path reports;

    @Test
    void healthySandboxPasses(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = SandboxSuite.run(keycloak, TAGS, reports);

        assertThat(results.withStatus(CheckStatus.PASSED))
                .containsExactlyInAnyOrder(PERSONA, CLAIM, HEADER, UNKNOWN, SIGNATURE);
        String evidence = results.check(PERSONA).evidence().toString();
        assertThat(evidence).contains("iss " + keycloak.publicUrl() + "/realms/acme", "aud platform", "HTTP 200");
        assertThat(JWT.matcher(evidence).find()).isFalse();
    }

    @Test
    void passwordGrantPasses(SandboxKeycloak keycloak) {
        SandboxSuite.Results results =
                SandboxSuite.run(keycloak, TAGS, reports, Map.of("CATALOG_SMOKE_KEYCLOAK_GRANT", "password"));

        assertThat(results.withStatus(CheckStatus.PASSED))
                .containsExactlyInAnyOrder(PERSONA, CLAIM, HEADER, UNKNOWN, SIGNATURE);
    }

    @Test
    void trustedClaimFailsClaimContract(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = SandboxSuite.run(keycloak, TAGS, reports, Fault.PLATFORM_TRUSTS_TENANT_CLAIM);

        CheckResult claim = results.check(CLAIM);
        assertThat(claim.message()).startsWith("SECURITY VIOLATION: realm acme (tenant acme), persona user1");
        assertThat(claim.message()).contains("platform resolved tenant globex (");
        assertThat(claim.message()).contains("from the 'tenantId' claim of the token instead of tenant acme (");
        assertThat(claim.message()).contains("routed from issuer " + keycloak.publicUrl() + "/realms/acme");
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(CLAIM);
    }

    @Test
    void trustedHeaderFailsHeaderContract(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = SandboxSuite.run(keycloak, TAGS, reports, Fault.PLATFORM_TRUSTS_TENANT_HEADER);

        CheckResult header = results.check(HEADER);
        assertThat(header.message()).startsWith("SECURITY VIOLATION: realm acme (tenant acme), persona user1");
        assertThat(header.message()).contains("platform resolved tenant globex (");
        assertThat(header.message()).contains("from the request header X-Tenant-Id instead of tenant acme (");
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(HEADER);
    }

    @Test
    void defaultTenantFailsUnknownIssuerContract(SandboxKeycloak keycloak) {
        SandboxSuite.Results results =
                SandboxSuite.run(keycloak, TAGS, reports, Fault.PLATFORM_DEFAULTS_UNKNOWN_ISSUER);

        CheckResult unknown = results.check(UNKNOWN);
        assertThat(unknown.message()).startsWith("SECURITY VIOLATION: realm outsider, persona user1");
        assertThat(unknown.message()).contains("token from issuer " + keycloak.publicUrl() + "/realms/outsider");
        assertThat(unknown.message()).contains("platform accepted it and gave it tenant acme (");
        assertThat(unknown.message()).contains("expected HTTP 401 or 403, actual HTTP 200");
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(UNKNOWN);
    }

    @Test
    void skippedSignatureFailsSignatureContract(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = SandboxSuite.run(keycloak, TAGS, reports, Fault.PLATFORM_SKIPS_SIGNATURE);

        CheckResult signature = results.check(SIGNATURE);
        assertThat(signature.message()).startsWith("SECURITY VIOLATION: realm acme (tenant acme), persona user1");
        assertThat(signature.message()).contains("token whose signature does not verify");
        assertThat(JWT.matcher(signature.message()).find()).isFalse();
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(SIGNATURE);
    }

    @Test
    void unreachablePlatformFailsOnce(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = SandboxSuite.run(
                keycloak,
                TAGS,
                reports,
                Map.of("CATALOG_SMOKE_PLATFORM_AUTH_ENDPOINT", "http://127.0.0.1:9/v1/tenant-resolution"));

        assertThat(results.check(PERSONA).message())
                .startsWith("platform endpoint http://127.0.0.1:9/v1/tenant-resolution (platformAuth.endpoint)")
                .contains("connection refused");
        assertThat(results.check(HEADER).message()).contains("an earlier platform check reports it");
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(PERSONA);
    }

    @Test
    void missingRealmSkipsOnlyThatPersona(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = SandboxSuite.run(keycloak, TAGS, reports, Fault.REALM_MISSING);

        CheckResult persona = results.check(PERSONA);
        assertThat(persona.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(persona.evidence().toString()).contains("globex=realm not served (HTTP 404)");
        assertThat(results.withStatus(CheckStatus.FAILED)).isEmpty();
    }
}
