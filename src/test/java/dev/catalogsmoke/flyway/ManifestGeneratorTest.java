package dev.catalogsmoke.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped sandbox manifests are exactly what Flyway records for the shipped sandbox migrations. */
class ManifestGeneratorTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"identity", "tenancy"})
    void shippedManifestMatchesFreshGeneration(String database) {
        BaselineManifest generated = ManifestGenerator.generate(database, "classpath:sandbox/migrations/" + database);
        BaselineManifest shipped = BaselineManifest.read("classpath:sandbox/baseline/" + database + ".yaml");

        assertThat(generated).isEqualTo(shipped);
        assertThat(generated.migrations()).extracting(ManifestEntry::checksum).doesNotContainNull();
    }
}
