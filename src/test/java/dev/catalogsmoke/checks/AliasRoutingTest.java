package dev.catalogsmoke.checks;

import static dev.catalogsmoke.checks.CheckIdsForTests.ALIAS_ROUTING;
import static dev.catalogsmoke.checks.CheckIdsForTests.BROKER;
import static dev.catalogsmoke.checks.CheckIdsForTests.CLAIM;
import static dev.catalogsmoke.checks.CheckIdsForTests.HEADER;
import static dev.catalogsmoke.checks.CheckIdsForTests.JWT;
import static dev.catalogsmoke.checks.CheckIdsForTests.PERSONA;
import static dev.catalogsmoke.checks.CheckIdsForTests.ROUTING;
import static dev.catalogsmoke.checks.CheckIdsForTests.SIGNATURE;
import static dev.catalogsmoke.checks.CheckIdsForTests.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.config.RoutingStrategy;
import dev.catalogsmoke.report.CheckResult;
import dev.catalogsmoke.report.CheckStatus;
import dev.catalogsmoke.sandbox.Fault;
import dev.catalogsmoke.sandbox.SandboxKeycloak;
import dev.catalogsmoke.sandbox.SandboxOptions;
import dev.catalogsmoke.sandbox.SharedKeycloak;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Routing key strategy idp_alias against the real Keycloak: logins through the broker realm, routed by alias. */
@ExtendWith(SharedKeycloak.class)
class AliasRoutingTest {

    private static final String TAGS = "keycloak | platform-auth | routing";

    @TempDir
    Path reports;

    @Test
    void healthyBrokerPasses(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = run(keycloak);

        assertThat(results.withStatus(CheckStatus.FAILED)).isEmpty();
        assertThat(results.withStatus(CheckStatus.PASSED))
                .contains(ALIAS_ROUTING, BROKER, PERSONA, CLAIM, HEADER, UNKNOWN, SIGNATURE);
        String evidence = results.check(PERSONA).evidence().toString();
        assertThat(evidence).contains("iss " + keycloak.publicUrl() + "/realms/broker", "HTTP 200");
        assertThat(evidence).contains("acme=", "globex=", "initech=");
        assertThat(JWT.matcher(evidence).find()).isFalse();
        assertThat(results.check(BROKER).evidence().toString()).contains("globex=HTTP 303 to the identity provider");
        assertThat(results.check(ROUTING).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(results.check(ROUTING).message()).contains("routingKey.strategy is idp_alias");
    }

    @Test
    void issuerStrategySkipsAliasChecks(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = SandboxSuite.run(keycloak, TAGS, reports);

        assertThat(results.check(ALIAS_ROUTING).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(results.check(ALIAS_ROUTING).message()).contains("routingKey.strategy is issuer");
        assertThat(results.check(BROKER).status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void missingAliasFailsAliasRouting() {
        SandboxSuite.Results results = run(null, Fault.ROUTING_ALIAS_MISSING);

        CheckResult routing = results.check(ALIAS_ROUTING);
        assertThat(routing.message())
                .startsWith("seeded tenant initech, alias 'initech': no routing row has this"
                        + " tenant_routing_view.idp_alias")
                .contains("actual the tenant's rows contain tenant_routing_view.idp_alias NULL")
                .contains("Set the tenant's tenant_routing_view.idp_alias to the alias of its identity provider");
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(ALIAS_ROUTING);
    }

    @Test
    void duplicateAliasFailsAliasRouting() {
        SandboxSuite.Results results = run(null, Fault.ROUTING_DUPLICATE_ALIAS);

        CheckResult routing = results.check(ALIAS_ROUTING);
        assertThat(routing.message()).contains("seeded tenant acme, alias 'acme': routes to 2 rows");
        assertThat(routing.message())
                .contains("identity provider alias acme: maps to 2 tenants")
                .contains("Keep the row of the tenant that owns this identity provider alias");
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(ALIAS_ROUTING);
    }

    @Test
    void missingColumnFailsOnlyAliasRouting(SandboxKeycloak keycloak) {
        SandboxOptions options = SandboxOptions.defaults().withRouting(RoutingStrategy.IDP_ALIAS);
        SandboxSuite.Results results = SandboxSuite.run(
                keycloak, options, TAGS, reports, Map.of("CATALOG_SMOKE_MODEL_TENANCY_ROUTING_IDP_ALIAS", "nope"));

        assertThat(results.check(ALIAS_ROUTING).message())
                .startsWith("routing table tenant_routing_view: column nope does not exist")
                .contains("set model.tenancy.routing.idpAlias");
        assertThat(results.check(PERSONA).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(results.check(PERSONA).message()).contains("the routing check reports it");
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(ALIAS_ROUTING);
    }

    @Test
    void missingProviderFailsBrokerCheckOnly(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = run(keycloak, Fault.BROKER_PROVIDER_MISSING);

        CheckResult broker = results.check(BROKER);
        assertThat(broker.message())
                .startsWith("broker realm broker, identity provider alias 'globex' (seeded tenant globex)")
                .contains("expected a redirect to /realms/broker/broker/globex/login")
                .contains("actual HTTP 200 (the broker's own login page)");
        assertThat(results.check(PERSONA).evidence().toString())
                .contains("globex=the broker realm offers no identity provider 'globex'");
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(BROKER);
    }

    @Test
    void missingAliasClaimFailsPersonaContract(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = run(keycloak, Fault.BROKER_ALIAS_CLAIM_MISSING);

        CheckResult persona = results.check(PERSONA);
        assertThat(persona.message())
                .contains("realm acme (tenant acme), persona user1 of realm acme: the broker's token does not name"
                        + " the identity provider of the login in claim 'identity_provider'")
                .contains("expected 'acme', actual no such claim")
                .contains("Add a user session note mapper");
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(PERSONA);
    }

    @Test
    void trustedClaimIsASecurityViolation(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = run(keycloak, Fault.PLATFORM_TRUSTS_TENANT_CLAIM);

        CheckResult claim = results.check(CLAIM);
        assertThat(claim.message())
                .startsWith("SECURITY VIOLATION: realm globex (tenant globex), persona user1")
                .contains("platform resolved tenant acme (")
                .contains("routed from identity provider alias 'globex'")
                .contains("Resolve the tenant from the token's 'identity_provider' claim set by the broker realm only");
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(CLAIM);
    }

    @Test
    void defaultTenantForUnknownAliasIsASecurityViolation(SandboxKeycloak keycloak) {
        SandboxSuite.Results results = run(keycloak, Fault.PLATFORM_DEFAULTS_UNKNOWN_ISSUER);

        CheckResult unknown = results.check(UNKNOWN);
        assertThat(unknown.message())
                .startsWith("SECURITY VIOLATION: identity provider alias 'outsider', persona user1")
                .contains("platform accepted it and gave it tenant acme (")
                .contains("expected HTTP 401 or 403, actual HTTP 200");
        assertThat(results.withStatus(CheckStatus.FAILED)).containsExactly(UNKNOWN);
    }

    private SandboxSuite.Results run(SandboxKeycloak keycloak, Fault... faults) {
        SandboxOptions options =
                SandboxOptions.defaults().withRouting(RoutingStrategy.IDP_ALIAS).withFaults(Set.of(faults));
        return SandboxSuite.run(keycloak, options, TAGS, reports, Map.of());
    }
}
