package dev.catalogsmoke.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity at 100,000 tenants: 100,000 routing rows and 500,000 external identity links on each side.
 *
 * <p>Building that sandbox takes minutes, so the test runs only with {@code -Dcatalogsmoke.scale=true}. The time
 * limit guards against a comparison that grows faster than linearly. It is about ten times the time measured on a
 * shared 2-core machine, not a target.
 */
@EnabledIfSystemProperty(named = "catalogsmoke.scale", matches = "true")
class BackfillParityScaleTest {

    private static final long LIMIT_MILLIS = 60_000;

    @Test
    void parityAtHundredThousandTenants(@TempDir Path reports) throws Exception {
        SandboxRun run =
                SandboxRun.of(reports, "--tenants", "100000", "--phase", "backfill", "--include-tag", "parity");

        String routing = "BackfillParityCheck.routingMatchesLegacy";
        assertThat(run.status(routing)).as(run.output()).isEqualTo("PASSED");
        assertThat(run.evidence(routing, "legacyRows")).isEqualTo("100000");
        assertThat(run.evidence(routing, "matchedKeys")).isEqualTo("100000");
        assertThat(Long.parseLong(run.evidence(routing, "comparisonMillis"))).isLessThan(LIMIT_MILLIS);

        String links = "BackfillParityCheck.externalIdentitiesMatchLegacy";
        assertThat(run.status(links)).as(run.output()).isEqualTo("PASSED");
        assertThat(run.evidence(links, "legacyRows")).isEqualTo("500000");
        assertThat(run.evidence(links, "matchedKeys")).isEqualTo("500000");
        assertThat(Long.parseLong(run.evidence(links, "comparisonMillis"))).isLessThan(LIMIT_MILLIS);
    }
}
