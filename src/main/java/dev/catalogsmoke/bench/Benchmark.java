package dev.catalogsmoke.bench;

import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import dev.catalogsmoke.sandbox.Sandbox;
import dev.catalogsmoke.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Seeds the sandbox at each size, runs the suite against it in a separate JVM and runs the naive peer on the same
 * data, then writes results.md and results.json.
 *
 * <p>The suite's configuration lists the three named personas as seed tenants; every other tenant is checked as an
 * issuer linked in the identity catalog, as in production, where the seed list is short and the routing table long.
 */
public final class Benchmark {

    /** Seeded tenants named in the suite's configuration: acme, globex and initech. */
    private static final int PERSONAS = 3;

    private final Settings settings;
    private final PrintStream out;

    /** Benchmark settings: sizes, suite JVM options, optional CDS archive, naive peer budget, output folder. */
    public record Settings(
            List<Integer> sizes,
            Path jar,
            List<String> javaOptions,
            Path cdsArchive,
            Duration naiveBudget,
            Path outputDir) {}

    /** Everything measured at one size. */
    record SizeResult(
            int tenants,
            Duration seed,
            SuiteProcess.Result suite,
            SuiteProcess.Result suiteWithCds,
            NaivePeer.Part naiveRouting,
            NaivePeer.Part naiveMemberships) {}

    public Benchmark(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public void run() throws IOException, InterruptedException, SQLException {
        Files.createDirectories(settings.outputDir());
        List<SizeResult> results = new ArrayList<>();
        for (int tenants : settings.sizes()) {
            results.add(measure(tenants));
            new BenchmarkReport(settings, results).write(settings.outputDir());
        }
        out.println("benchmark: results in " + settings.outputDir().resolve(BenchmarkReport.MARKDOWN));
    }

    private SizeResult measure(int tenants) throws IOException, InterruptedException, SQLException {
        String password = SandboxOptions.randomPassword();
        out.printf("benchmark: seeding %,d tenants%n", tenants);
        long seedStarted = System.nanoTime();
        try (Sandbox sandbox =
                Sandbox.start(SandboxOptions.defaults().withTenants(tenants).withPasswords(() -> password))) {
            Duration seed = Duration.ofNanos(System.nanoTime() - seedStarted);
            Path sizeDir = settings.outputDir().resolve(String.valueOf(tenants));
            Path config = writeSuiteConfig(sandbox, sizeDir.resolve("config.yaml"));

            out.printf("benchmark: %,d tenants seeded in %.1fs; running the suite%n", tenants, seed.toMillis() / 1e3);
            SuiteProcess.Result suite =
                    SuiteProcess.run(settings.jar(), settings.javaOptions(), config, sizeDir.resolve("suite"));
            SuiteProcess.Result withCds = null;
            if (settings.cdsArchive() != null) {
                trainCdsArchive(config, sizeDir.resolve("cds-training"));
                List<String> options = new ArrayList<>(settings.javaOptions());
                options.add("-XX:SharedArchiveFile=" + settings.cdsArchive());
                withCds = SuiteProcess.run(settings.jar(), options, config, sizeDir.resolve("suite-cds"));
            }

            out.printf("benchmark: %,d tenants: running the naive peer%n", tenants);
            NaivePeer peer = new NaivePeer("127.0.0.1", sandbox.servicePort(), password, settings.naiveBudget());
            return new SizeResult(tenants, seed, suite, withCds, peer.routing(), peer.memberships());
        }
    }

    /**
     * Creates the AppCDS archive with one training run when it does not exist yet. JDK 17 has no {@code
     * -XX:+AutoCreateSharedArchive} (JDK 19 and later), so the training run dumps the classes it loaded at exit.
     */
    private void trainCdsArchive(Path config, Path reportsDir) throws IOException, InterruptedException {
        if (Files.exists(settings.cdsArchive())) {
            return;
        }
        List<String> options = new ArrayList<>(settings.javaOptions());
        options.add("-XX:ArchiveClassesAtExit=" + settings.cdsArchive());
        SuiteProcess.run(settings.jar(), options, config, reportsDir);
        out.println("benchmark: wrote the CDS archive " + settings.cdsArchive());
    }

    /**
     * Writes a configuration for {@code catalog-smoke run} against a running sandbox: the built-in sandbox
     * configuration with the sandbox's ports and the three personas as seed tenants.
     */
    public static Path writeSuiteConfig(Sandbox sandbox, Path file) throws IOException {
        return writeSuiteConfig(sandbox, file, PERSONAS);
    }

    /** Like {@link #writeSuiteConfig(Sandbox, Path)}, with the first {@code seedTenants} tenants as seed tenants. */
    static Path writeSuiteConfig(Sandbox sandbox, Path file, int seedTenants) throws IOException {
        YAMLMapper mapper = YAMLMapper.builder().build();
        ObjectNode tree;
        try (InputStream in = Benchmark.class.getClassLoader().getResourceAsStream("smoke-config/sandbox.yaml")) {
            tree = (ObjectNode) mapper.readTree(in);
        }
        List<SeedTenant> seed = sandbox.seedTenants().subList(0, seedTenants);
        ObjectNode overlay = mapper.valueToTree(sandbox.configOverlay());
        overlay.set("seed", mapper.valueToTree(Map.of("tenants", seed)));
        overlay.properties().forEach(entry -> merge(tree, entry.getKey(), entry.getValue()));
        Files.createDirectories(file.getParent());
        Files.writeString(file, mapper.writeValueAsString(tree));
        return file;
    }

    private static void merge(ObjectNode target, String key, tools.jackson.databind.JsonNode value) {
        if (value.isObject() && target.get(key) instanceof ObjectNode existing) {
            value.properties().forEach(entry -> merge(existing, entry.getKey(), entry.getValue()));
        } else {
            target.set(key, value);
        }
    }
}
