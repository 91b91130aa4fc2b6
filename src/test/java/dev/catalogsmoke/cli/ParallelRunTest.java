package dev.catalogsmoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.SmokeInvocation;
import dev.catalogsmoke.bench.Benchmark;
import dev.catalogsmoke.sandbox.Sandbox;
import dev.catalogsmoke.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Runs the same healthy sandbox with different run.parallelism values: the report order and every result stay the
 * same, and each check sends the same number of SQL statements whatever the number of tenants.
 */
@Timeout(600)
class ParallelRunTest {

    @TempDir
    static Path directory;

    private static Sandbox small;
    private static Sandbox large;

    @BeforeAll
    static void startSandboxes() {
        small = Sandbox.start(SandboxOptions.defaults().withTenants(3));
        large = Sandbox.start(SandboxOptions.defaults().withTenants(300));
    }

    @AfterAll
    static void stopSandboxes() {
        small.close();
        large.close();
    }

    @Test
    void reportOrderIsSameForEveryParallelism() throws Exception {
        Path config = Benchmark.writeSuiteConfig(small, directory.resolve("small.yaml"));
        SmokeInvocation serial = run(config, "serial", "1");

        for (String parallelism : List.of("2", "4", "2", "4")) {
            SmokeInvocation parallel = run(config, "parallel-" + parallelism + "-" + System.nanoTime(), parallelism);

            assertThat(parallel.exitCode()).as(parallel.out()).isZero();
            assertThat(List.copyOf(parallel.statuses().keySet()))
                    .as("report order with parallelism %s", parallelism)
                    .containsExactlyElementsOf(serial.statuses().keySet());
            assertThat(parallel.statuses()).isEqualTo(serial.statuses());
            assertThat(parallel.summary().get("run").get("parallelism").asString())
                    .isEqualTo(parallelism);
        }
        assertThat(serial.statuses().values()).filteredOn("PASSED"::equals).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void statementsPerCheckDoNotGrowWithTenants() throws Exception {
        SmokeInvocation few = run(Benchmark.writeSuiteConfig(small, directory.resolve("few.yaml")), "few", "2");
        SmokeInvocation many = run(Benchmark.writeSuiteConfig(large, directory.resolve("many.yaml")), "many", "2");

        Map<String, Long> fewStatements = statements(few);
        assertThat(many.exitCode()).as(many.out()).isZero();
        assertThat(statements(many)).isEqualTo(fewStatements);
        assertThat(fewStatements).containsEntry("RoutingCheck.everyIssuerRoutesToOneActiveTenant", 2L);
        assertThat(fewStatements).containsEntry("CrossCatalogCheck.membershipsReferenceExistingUsers", 2L);
        assertThat(fewStatements.values()).allMatch(count -> count <= 4);
    }

    private static SmokeInvocation run(Path config, String name, String parallelism) {
        return SmokeInvocation.run(
                directory.resolve(name),
                Map.of("CATALOG_SMOKE_RUN_PARALLELISM", parallelism),
                "run",
                "--config",
                config.toString());
    }

    private static Map<String, Long> statements(SmokeInvocation run) {
        Map<String, Long> statements = new LinkedHashMap<>();
        for (JsonNode check : run.summary().get("checks")) {
            for (JsonNode entry : check.get("evidence")) {
                if (entry.has("sqlStatements")) {
                    statements.put(
                            check.get("id").asString(),
                            entry.get("sqlStatements").asLong());
                }
            }
        }
        return statements;
    }
}
