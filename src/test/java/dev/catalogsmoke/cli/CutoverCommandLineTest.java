package dev.catalogsmoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line's cutover options: {@code sandbox --phase}, phase rules of faults, phases in {@code list}. */
class CutoverCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CatalogSmoke.execute(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
    }

    @Test
    void unknownPhaseRejected() {
        assertThat(run("sandbox", "--no-keycloak", "--phase", "soak")).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--phase soak: unknown phase; expected prepare, backfill, cutover, lockdown or cleanup");
    }

    @Test
    void faultOutsideItsPhaseRejected() {
        assertThat(run("sandbox", "--no-keycloak", "--phase", "backfill", "--fault", "legacy-tables-present"))
                .isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("fault legacy-tables-present can be injected in phase cleanup, not in phase backfill");
    }

    @Test
    void listFaultsShowsPhases() {
        assertThat(run("sandbox", "--no-keycloak", "--list-faults")).isEqualTo(ExitCodes.PASSED);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("backfill-missing-rows")
                .contains("(--phase backfill or cutover or lockdown)")
                .contains("legacy-still-writable")
                .contains("(--phase lockdown)");
    }

    @Test
    void listShowsPhases() {
        assertThat(run("list")).isEqualTo(ExitCodes.PASSED);
        String listing = out.toString(StandardCharsets.UTF_8);
        assertThat(listing)
                .contains("cutover backfill > legacy and tenancy routing rows are the same set of issuer to tenant\n"
                        + "  id:       BackfillParityCheck.routingMatchesLegacy\n"
                        + "  tags:     cutover, parity, postgres\n"
                        + "  phases:   backfill\n");
        assertThat(listing).contains("  id:       LegacyCatalogCheck.legacyTablesAreDropped\n");
        assertThat(listing).contains("  phases:   cleanup\n");
        assertThat(listing).contains("  phases:   backfill, cutover, lockdown, cleanup\n");
        assertThat(listing).contains("  phases:   every phase\n");
    }
}
