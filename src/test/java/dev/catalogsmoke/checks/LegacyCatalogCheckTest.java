package dev.catalogsmoke.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lockdown and cleanup faults fail exactly their check, naming the table, the role and what remains. */
class LegacyCatalogCheckTest {

    private static final String LOCKDOWN = "LegacyCatalogCheck.applicationRolesCannotWriteLegacyTables";
    private static final String CLEANUP = "LegacyCatalogCheck.legacyTablesAreDropped";

    @Test
    void stillWritableFailsLockdown(@TempDir Path reports) throws Exception {
        SandboxRun run = SandboxRun.of(reports, "--phase", "lockdown", "--fault", "legacy-still-writable");

        assertThat(run.idsWithStatus("FAILED")).as(run.output()).containsExactly(LOCKDOWN);
        assertThat(run.message(LOCKDOWN))
                .isEqualTo("role platform_app on table public.tenant_routing in database platform: can still"
                        + " write the legacy table; expected no INSERT, UPDATE, DELETE or TRUNCATE, actual INSERT,"
                        + " UPDATE. Run REVOKE INSERT, UPDATE ON public.tenant_routing FROM platform_app; a"
                        + " privilege that comes through PUBLIC, a role it is a member of, or ownership must be"
                        + " revoked there");
        assertThat(run.evidence(LOCKDOWN, "roles")).isEqualTo("[platform_app]");
    }

    @Test
    void tablesPresentFailCleanup(@TempDir Path reports) throws Exception {
        SandboxRun run = SandboxRun.of(reports, "--phase", "cleanup", "--fault", "legacy-tables-present");

        assertThat(run.idsWithStatus("FAILED")).as(run.output()).containsExactly(CLEANUP);
        assertThat(run.message(CLEANUP))
                .isEqualTo("table public.tenant_routing in database platform: legacy table still exists after"
                        + " cleanup; expected dropped (allowed to remain: []), actual present. Drop it (DROP TABLE"
                        + " public.tenant_routing), or add it to cutover.cleanup.allowedTables if it stays on"
                        + " purpose");
        assertThat(run.status(LOCKDOWN)).isEqualTo("PASSED");
        assertThat(run.evidence(LOCKDOWN, "legacyRelations")).isEqualTo("[tenant_routing]");
    }

    @Test
    void allowedTableStaysInCleanup(@TempDir Path reports) throws Exception {
        Path config = reports.resolve("sandbox.yaml");
        java.nio.file.Files.writeString(config, """
                namespace: catalog-smoke-sandbox
                postgres:
                  host: 127.0.0.1
                  connectTimeout: 3s
                catalogs:
                  identity:
                    flyway:
                      manifest: classpath:sandbox/baseline/identity.yaml
                  tenancy:
                    flyway:
                      manifest: classpath:sandbox/baseline/tenancy.yaml
                waits:
                  pollInterval: 500ms
                  secret: 5s
                  cnpgDatabase: 5s
                  connection: 15s
                cutover:
                  cleanup:
                    allowedTables: [tenant_routing]
                """);
        SandboxRun run = SandboxRun.of(
                reports.resolve("reports"),
                "--config",
                config.toString(),
                "--phase",
                "cleanup",
                "--fault",
                "legacy-tables-present",
                "--include-tag",
                "cutover");

        assertThat(run.status(CLEANUP)).as(run.output()).isEqualTo("PASSED");
        assertThat(run.evidence(CLEANUP, "legacyRelationsPresent")).isEqualTo("[tenant_routing]");
    }
}
