package dev.catalogsmoke.checks;

import static dev.catalogsmoke.checks.CheckIdsForTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.SmokeInvocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Injects each sandbox fault and checks that exactly the expected checks fail, each with a message that names the
 * object, the expected and actual values. Every other check passes or is skipped with a reason.
 */
class SandboxFaultTest {

    /** Faults whose checks wait out a budget; they run with {@link #SHORT_WAITS}. */
    private static final java.util.Set<String> WAITING_FAULTS =
            java.util.Set.of("database-not-applied", "database-status-empty", "cluster-unreachable");

    /** Shorter budgets for the faults that wait, so the table runs in minutes. */
    private static final Map<String, String> SHORT_WAITS =
            Map.of("CATALOG_SMOKE_WAITS_CONNECTION", "3s", "CATALOG_SMOKE_WAITS_CNPG_DATABASE", "2s");

    static Stream<Arguments> faults() {
        return Stream.of(
                fault(
                        "secret-missing-password",
                        1,
                        Map.of(
                                SECRET_IDENTITY,
                                List.of(
                                        "Secret catalog-smoke-sandbox/identity-db-credentials",
                                        "key 'password' is missing",
                                        "keys present: [dbname, host, jdbc-uri, port, uri, username]"))),
                fault("secret-thin", 0, Map.of()),
                fault(
                        "secret-wrong-type",
                        1,
                        Map.of(
                                SECRET_IDENTITY,
                                List.of("wrong Secret type", "expected kubernetes.io/basic-auth, actual Opaque"))),
                fault(
                        "secret-wrong-username",
                        1,
                        Map.of(
                                SECRET_IDENTITY,
                                        List.of(
                                                "key 'username' names another role",
                                                "expected 'identity', actual" + " 'identity_app'"),
                                CONNECT_IDENTITY,
                                        List.of(
                                                "password authentication failed for role 'identity_app'",
                                                "SQLSTATE 28P01"))),
                fault(
                        "secret-binary-password",
                        1,
                        Map.of(
                                SECRET_TENANCY,
                                List.of(
                                        "tenancy-db-credentials",
                                        "value of key 'password' is not valid UTF-8 text (4 bytes)"))),
                fault(
                        "password-drift",
                        1,
                        Map.of(
                                CONNECT_TENANCY,
                                List.of(
                                        "password authentication failed for role 'tenancy' on database 'tenancy'",
                                                "SQLSTATE 28P01",
                                        "Secret catalog-smoke-sandbox/tenancy-db-credentials (resourceVersion ",
                                                "not retried"))),
                fault(
                        "database-not-applied",
                        1,
                        Map.of(
                                CNPG_TENANCY,
                                        List.of(
                                                "timed out waiting for CNPG Database catalog-smoke-sandbox/tenancy",
                                                "status.applied=false",
                                                "status.message=\"while reconciling database",
                                                "status.observedGeneration=1, metadata.generation=1"),
                                CONNECT_TENANCY, List.of("database 'tenancy' does not exist", "SQLSTATE 3D000"))),
                fault("database-status-empty", 3, Map.of(CNPG_TENANCY, List.of("status.applied=null", "budget 2.0s"))),
                fault(
                        "database-status-unreadable",
                        1,
                        Map.of(
                                CNPG_IDENTITY,
                                List.of("Database catalog-smoke-sandbox/identity has a status that cannot be read"))),
                fault("slow-start", 0, Map.of()),
                fault(
                        "cluster-unreachable",
                        3,
                        Map.of(
                                CONNECT_IDENTITY,
                                        List.of(
                                                "timed out waiting for database identity as role identity",
                                                "budget 3.0s",
                                                "cannot reach 127.0.0.1:",
                                                "ConnectException"),
                                CONNECT_TENANCY, List.of("timed out waiting for database tenancy as role tenancy"))),
                fault(
                        "connect-granted-to-public",
                        1,
                        Map.of(
                                ISOLATION_IDENTITY,
                                List.of(
                                        "database tenancy: role 'identity' of the identity catalog opened a session on it",
                                        "REVOKE CONNECT ON DATABASE tenancy FROM PUBLIC"))),
                fault(
                        "public-schema-foreign-owner",
                        1,
                        Map.of(
                                CONNECT_IDENTITY,
                                List.of("owner of schema public", "expected 'identity', actual 'postgres'"))),
                fault(
                        "tls-ca-missing",
                        1,
                        Map.of(
                                CONNECT_IDENTITY,
                                        List.of(
                                                "CA Secret catalog-smoke-sandbox/postgres-ameide-ca has no key"
                                                        + " 'ca.crt'",
                                                "keys present: [ca.key]"),
                                CONNECT_TENANCY, List.of("has no key 'ca.crt'"))),
                fault(
                        "tls-host-mismatch",
                        1,
                        Map.of(
                                CONNECT_IDENTITY, List.of("server certificate", "does not cover host '127.0.0.1'"),
                                CONNECT_TENANCY, List.of("does not cover host '127.0.0.1'"))),
                fault(
                        "tls-server-plaintext",
                        1,
                        Map.of(
                                CONNECT_IDENTITY, List.of("does not offer TLS but postgres.tls.mode is verify-full"),
                                CONNECT_TENANCY, List.of("does not offer TLS"))),
                fault(
                        "flyway-failed-row",
                        1,
                        Map.of(
                                FLYWAY_IDENTITY,
                                List.of(
                                        "database identity",
                                        "failed migration version 4 (rank 4, script V4__add_users_email_index.sql)",
                                        "expected success = true, actual success = false"))),
                fault(
                        "flyway-checksum-mismatch",
                        1,
                        Map.of(
                                FLYWAY_IDENTITY,
                                List.of(
                                        "version 2 (V2__create_external_identities.sql): checksum differs from the manifest",
                                        "expected -1401379362, actual 2222"))),
                fault(
                        "flyway-missing-version",
                        1,
                        Map.of(
                                FLYWAY_TENANCY,
                                List.of(
                                        "database tenancy",
                                        "version 3 (V3__create_organizations_and_memberships.sql) is not applied"
                                                + " although version 4 is"))),
                fault(
                        "flyway-unknown-version",
                        1,
                        Map.of(
                                FLYWAY_TENANCY,
                                List.of(
                                        "version 5 (rank 5, script V5__hotfix.sql) is applied but the baseline manifest does not"
                                                + " list it"))),
                fault(
                        "flyway-history-missing",
                        1,
                        Map.of(
                                FLYWAY_IDENTITY,
                                List.of("history table not found in schema public", "actual schemas [archive]"))),
                fault(
                        "schema-missing-unique",
                        1,
                        Map.of(
                                SCHEMA_IDENTITY,
                                List.of(
                                        "table public.external_identities",
                                        "no unique constraint or index on [issuer, subject]"))),
                fault(
                        "routing-trailing-slash",
                        1,
                        Map.of(
                                ROUTING,
                                List.of(
                                        "issuer http://127.0.0.1:18080/realms/acme (seeded tenant acme)",
                                        "differs by trailing '/'",
                                        "actual 'http://127.0.0.1:18080/realms/acme/'"))),
                fault(
                        "routing-missing-issuer",
                        1,
                        Map.of(
                                ROUTING,
                                List.of(
                                        "issuer http://127.0.0.1:18080/realms/globex (seeded tenant globex): has no routing row",
                                        "expected 1 row with this exact issuer, actual 0 rows"))),
                fault(
                        "routing-inactive-tenant",
                        1,
                        Map.of(
                                ROUTING,
                                List.of(
                                        "realms/initech (seeded tenant initech)",
                                        "which is not active",
                                        "status 'suspended'"))),
                fault(
                        "routing-duplicate-issuer",
                        1,
                        Map.of(
                                SCHEMA_TENANCY,
                                List.of(
                                        "table public.tenant_routing_view",
                                        "no unique constraint or index on [issuer]"),
                                ROUTING,
                                List.of("realms/acme (seeded tenant acme): has 2 routing rows"),
                                ROUTING_UNIQUE,
                                List.of("issuer http://127.0.0.1:18080/realms/acme", "maps to 2 tenants"))),
                fault(
                        "routing-unlinked-issuer",
                        1,
                        Map.of(
                                ROUTING,
                                List.of(
                                        "issuer http://127.0.0.1:18080/realms/ghost (linked in external identities): has no routing"
                                                + " row"))),
                fault(
                        "orphan-memberships",
                        1,
                        Map.of(
                                MEMBERSHIPS,
                                List.of(
                                        "table memberships in database tenancy",
                                                "3 of 18 distinct user ids do not exist in users",
                                        "00000000-0000-0000-0000-0000000000a1",
                                                "(an external subject, not a user id"))),
                fault(
                        "alias-dangling",
                        1,
                        Map.of(
                                ALIASES,
                                List.of(
                                        "1 aliases point at tenants that do not exist",
                                        "legacy-vanished -> 00000000-0000-0000-0000-00000000dead"))));
    }

    private static Arguments fault(String name, int exitCode, Map<String, List<String>> failures) {
        return Arguments.of(name, exitCode, failures);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void faultFailsItsChecks(String fault, int exitCode, Map<String, List<String>> failures, @TempDir Path reports) {
        Map<String, String> environment = WAITING_FAULTS.contains(fault) ? SHORT_WAITS : Map.of();
        SmokeInvocation run = SmokeInvocation.run(reports, environment, "sandbox", "--no-keycloak", "--fault", fault);

        assertThat(run.problems().keySet())
                .as("checks that failed for fault %s", fault)
                .containsExactlyInAnyOrderElementsOf(failures.keySet());
        failures.forEach((checkId, fragments) -> {
            String message = run.message(checkId);
            for (String fragment : fragments) {
                assertThat(message).as("message of %s", checkId).contains(fragment);
            }
        });
        assertThat(run.exitCode()).as("exit code; output:%n%s", run.out()).isEqualTo(exitCode);
    }
}
