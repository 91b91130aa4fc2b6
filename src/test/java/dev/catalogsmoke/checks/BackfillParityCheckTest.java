package dev.catalogsmoke.checks;

import static dev.catalogsmoke.checks.SandboxIds.ISSUER_BASE;
import static dev.catalogsmoke.checks.SandboxIds.md5Uuid;
import static dev.catalogsmoke.checks.SandboxIds.tenantId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each backfill fault fails exactly its parity or drift check, with the table, the key and both values. */
class BackfillParityCheckTest {

    private static final String ROUTING_PARITY = "BackfillParityCheck.routingMatchesLegacy";
    private static final String LINKS_PARITY = "BackfillParityCheck.externalIdentitiesMatchLegacy";
    private static final String ROUTING_DRIFT = "BackfillParityCheck.routingHasNotDrifted";
    private static final String LINKS_DRIFT = "BackfillParityCheck.externalIdentitiesHaveNotDrifted";

    @Test
    void missingRowsFailLinkParity(@TempDir Path reports) throws Exception {
        SandboxRun run = SandboxRun.of(reports, "--phase", "backfill", "--fault", "backfill-missing-rows");

        assertThat(run.idsWithStatus("FAILED")).as(run.output()).containsExactly(LINKS_PARITY);
        assertThat(run.exitCode()).isEqualTo(1);
        String message = run.message(LINKS_PARITY);
        assertThat(message)
                .contains("legacy table public.external_identities in database platform has 15 rows")
                .contains("table public.external_identities in database identity has 13 rows")
                .contains("2 missing from the new table");
        for (int user = 4; user <= 5; user++) {
            assertThat(message)
                    .contains("table public.external_identities in database identity, issuer '" + ISSUER_BASE
                            + "initech', subject '" + md5Uuid("initech/subject/" + user) + "': row is missing"
                            + " although legacy table public.external_identities in database platform has it;"
                            + " expected user_id '" + md5Uuid("initech/user/" + user) + "', actual no row.");
        }
    }

    @Test
    void missingRowsAfterCutoverFailLinkDrift(@TempDir Path reports) throws Exception {
        SandboxRun run = SandboxRun.of(reports, "--phase", "cutover", "--fault", "backfill-missing-rows");

        assertThat(run.idsWithStatus("FAILED")).as(run.output()).containsExactly(LINKS_DRIFT);
        assertThat(run.message(LINKS_DRIFT))
                .contains("subject '" + md5Uuid("initech/subject/4") + "': row is missing")
                .contains("1 only in the new table")
                .doesNotContain("row has no counterpart");
    }

    @Test
    void tenantMismatchFailsRoutingParity(@TempDir Path reports) throws Exception {
        SandboxRun run = SandboxRun.of(reports, "--phase", "backfill", "--fault", "backfill-tenant-mismatch");

        assertThat(run.idsWithStatus("FAILED")).as(run.output()).containsExactly(ROUTING_PARITY);
        assertThat(run.message(ROUTING_PARITY))
                .isEqualTo("table public.tenant_routing_view in database tenancy, issuer '" + ISSUER_BASE
                        + "umbrella': tenant_id differs from legacy table public.tenant_routing in database"
                        + " platform; expected tenant_id '" + tenantId("umbrella") + "', actual tenant_id '"
                        + tenantId("acme") + "'. Correct the row from the legacy table and make the backfill query"
                        + " deterministic");
    }

    @Test
    void tenantMismatchAfterLockdownFailsRoutingDrift(@TempDir Path reports) throws Exception {
        SandboxRun run = SandboxRun.of(reports, "--phase", "lockdown", "--fault", "backfill-tenant-mismatch");

        assertThat(run.idsWithStatus("FAILED")).as(run.output()).containsExactly(ROUTING_DRIFT);
        assertThat(run.message(ROUTING_DRIFT))
                .contains("issuer '" + ISSUER_BASE + "umbrella': tenant_id differs")
                .contains("actual tenant_id '" + tenantId("acme") + "'");
    }

    @Test
    void duplicateIssuerFailsRoutingParity(@TempDir Path reports) throws Exception {
        SandboxRun run = SandboxRun.of(reports, "--phase", "backfill", "--fault", "backfill-duplicate-issuer");

        assertThat(run.idsWithStatus("FAILED")).as(run.output()).containsExactly(ROUTING_PARITY);
        List<String> tenants = List.copyOf(new TreeSet<>(List.of(tenantId("acme"), tenantId("globex"))));
        assertThat(run.message(ROUTING_PARITY))
                .isEqualTo("legacy table public.tenant_routing in database platform, issuer '" + ISSUER_BASE
                        + "acme': key is on more than one row, so the backfill had to pick one; the new table holds"
                        + " tenant_id '" + tenantId("acme") + "'; expected one tenant_id, actual tenant_id '"
                        + tenants.get(0) + "', '" + tenants.get(1) + "'. Decide which row is right, delete the"
                        + " others from the legacy table and correct the new row");
    }
}
