package dev.catalogsmoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.config.ConfigLoader;
import dev.catalogsmoke.config.SmokeConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaitBudgetTest {

    private final Duration base = WaitBudget.total(waits(Map.of()));

    @Test
    void countsSecretTwicePerCatalog() {
        Duration raised = WaitBudget.total(waits(Map.of("CATALOG_SMOKE_WAITS_SECRET", "70s")));

        assertThat(raised.minus(base)).isEqualTo(Duration.ofSeconds(4 * 10));
    }

    @Test
    void countsOtherBudgetsOncePerCatalog() {
        Duration raisedCnpg = WaitBudget.total(waits(Map.of("CATALOG_SMOKE_WAITS_CNPG_DATABASE", "130s")));
        Duration raisedConnection = WaitBudget.total(waits(Map.of("CATALOG_SMOKE_WAITS_CONNECTION", "100s")));

        assertThat(raisedCnpg.minus(base)).isEqualTo(Duration.ofSeconds(2 * 10));
        assertThat(raisedConnection.minus(base)).isEqualTo(Duration.ofSeconds(2 * 10));
    }

    @Test
    void ignoresPollInterval() {
        Duration slowPoll = WaitBudget.total(waits(Map.of("CATALOG_SMOKE_WAITS_POLL_INTERVAL", "30s")));

        assertThat(slowPoll).isEqualTo(base);
    }

    @Test
    void defaultsAddUp() {
        SmokeConfig.Waits defaults = waits(Map.of());
        Duration expectedAtLeast = defaults.secret()
                .multipliedBy(4)
                .plus(defaults.cnpgDatabase().multipliedBy(2))
                .plus(defaults.connection().multipliedBy(2));

        assertThat(base).isGreaterThanOrEqualTo(expectedAtLeast);
    }

    private static SmokeConfig.Waits waits(Map<String, String> environment) {
        return new ConfigLoader(environment).load(null).waits();
    }
}
