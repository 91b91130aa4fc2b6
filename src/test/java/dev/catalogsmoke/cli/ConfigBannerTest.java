package dev.catalogsmoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.config.ConfigLoader;
import dev.catalogsmoke.config.SmokeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigBannerTest {

    @TempDir
    Path directory;

    @Test
    void writtenFileLoadsBackUnchanged() throws Exception {
        SmokeConfig original = new ConfigLoader(Map.of())
                .loadWithOverlay(
                        "routingKey:\n  strategy: idp_alias\n",
                        "test.yaml",
                        Map.of(
                                "seed",
                                Map.of(
                                        "tenants",
                                        List.of(Map.of(
                                                "id", "t-1",
                                                "slug", "acme",
                                                "issuer", "https://auth.example.test/realms/acme")))));
        Path file = directory.resolve("resolved.yaml");
        Files.writeString(file, ConfigBanner.file(original));

        SmokeConfig reloaded = new ConfigLoader(Map.of()).load(file);

        assertThat(ConfigBanner.file(reloaded)).isEqualTo(ConfigBanner.file(original));
        assertThat(reloaded.routingKey().byAlias()).isTrue();
        assertThat(Files.readString(file)).doesNotContainPattern("(?m)^source:");
    }

    @Test
    void bannerNamesItsSource() {
        SmokeConfig config = new ConfigLoader(Map.of()).load(null);

        assertThat(ConfigBanner.render(config))
                .startsWith("Resolved configuration from built-in defaults (secrets redacted):")
                .doesNotContainPattern("(?m)^  source:");
    }
}
