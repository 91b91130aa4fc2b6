package dev.catalogsmoke.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.config.CutoverPhase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A healthy sandbox passes in every cutover phase, and each cutover check runs exactly in its own phases. */
class CutoverPhasesTest {

    private static final String REACHABLE = "LegacyCatalogCheck.legacyDatabaseIsReachable";
    private static final String LOCKDOWN = "LegacyCatalogCheck.applicationRolesCannotWriteLegacyTables";
    private static final String CLEANUP = "LegacyCatalogCheck.legacyTablesAreDropped";
    private static final String ROUTING_PARITY = "BackfillParityCheck.routingMatchesLegacy";
    private static final String LINKS_PARITY = "BackfillParityCheck.externalIdentitiesMatchLegacy";
    private static final String ROUTING_DRIFT = "BackfillParityCheck.routingHasNotDrifted";
    private static final String LINKS_DRIFT = "BackfillParityCheck.externalIdentitiesHaveNotDrifted";
    private static final String ROUTING = "RoutingCheck.everyIssuerRoutesToOneActiveTenant";

    /** The cutover checks that pass in each phase; the others must be skipped. */
    private static final Map<CutoverPhase, List<String>> PASSING = Map.of(
            CutoverPhase.PREPARE, List.of(REACHABLE),
            CutoverPhase.BACKFILL, List.of(REACHABLE, ROUTING_PARITY, LINKS_PARITY, ROUTING),
            CutoverPhase.CUTOVER, List.of(REACHABLE, ROUTING_DRIFT, LINKS_DRIFT, ROUTING),
            CutoverPhase.LOCKDOWN, List.of(REACHABLE, ROUTING_DRIFT, LINKS_DRIFT, LOCKDOWN, ROUTING),
            CutoverPhase.CLEANUP, List.of(LOCKDOWN, CLEANUP, ROUTING));

    private static final List<String> PHASED_CHECKS =
            List.of(REACHABLE, LOCKDOWN, CLEANUP, ROUTING_PARITY, LINKS_PARITY, ROUTING_DRIFT, LINKS_DRIFT, ROUTING);

    @ParameterizedTest(name = "{0}")
    @EnumSource(CutoverPhase.class)
    void healthyPhasePasses(CutoverPhase phase, @TempDir Path reports) throws Exception {
        SandboxRun run = SandboxRun.of(reports, "--phase", phase.key());

        assertThat(run.idsWithStatus("FAILED")).as(run.output()).isEmpty();
        assertThat(run.exitCode()).as(run.output()).isZero();
        for (String id : PHASED_CHECKS) {
            boolean applies = PASSING.get(phase).contains(id);
            assertThat(run.status(id)).as(id).isEqualTo(applies ? "PASSED" : "SKIPPED");
            if (!applies) {
                assertThat(run.message(id)).as(id).contains("not run in cutover phase " + phase.key());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CutoverPhase.class,
            names = {"CUTOVER", "LOCKDOWN"})
    void driftAllowsRowsCreatedAfterCutover(CutoverPhase phase, @TempDir Path reports) throws Exception {
        SandboxRun run = SandboxRun.of(reports, "--phase", phase.key(), "--include-tag", "drift");

        assertThat(run.status(ROUTING_DRIFT)).isEqualTo("PASSED");
        assertThat(run.evidence(ROUTING_DRIFT, "extra")).isEqualTo("1");
        assertThat(run.evidence(ROUTING_DRIFT, "legacyRows")).isEqualTo("3");
        assertThat(run.evidence(ROUTING_DRIFT, "newRows")).isEqualTo("4");
        assertThat(run.status(LINKS_DRIFT)).isEqualTo("PASSED");
        assertThat(run.evidence(LINKS_DRIFT, "extra")).isEqualTo("1");
        assertThat(run.evidence(LINKS_DRIFT, "matchedKeys")).isEqualTo("15");
    }

    @Test
    void parityReportsCountsOnBothSides(@TempDir Path reports) throws Exception {
        SandboxRun run = SandboxRun.of(reports, "--phase", "backfill", "--include-tag", "parity");

        assertThat(run.evidence(ROUTING_PARITY, "legacyRows")).isEqualTo("3");
        assertThat(run.evidence(ROUTING_PARITY, "newRows")).isEqualTo("3");
        assertThat(run.evidence(ROUTING_PARITY, "matchedKeys")).isEqualTo("3");
        assertThat(run.evidence(LINKS_PARITY, "legacyRows")).isEqualTo("15");
        assertThat(run.evidence(LINKS_PARITY, "newRows")).isEqualTo("15");
        assertThat(run.evidence(LINKS_PARITY, "legacyTable"))
                .isEqualTo("table public.external_identities in database platform");
    }
}
