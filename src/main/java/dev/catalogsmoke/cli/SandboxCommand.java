package dev.catalogsmoke.cli;

import dev.catalogsmoke.config.ConfigException;
import dev.catalogsmoke.config.ConfigLoader;
import dev.catalogsmoke.config.CutoverPhase;
import dev.catalogsmoke.config.RoutingStrategy;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.sandbox.Fault;
import dev.catalogsmoke.sandbox.Sandbox;
import dev.catalogsmoke.sandbox.SandboxKeycloak;
import dev.catalogsmoke.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        description = "Start a local environment of real parts on loopback, check it with the whole suite, stop it.")
final class SandboxCommand implements Callable<Integer> {

    /** The sandbox configuration shipped in the jar, used when {@code --config} is not given. */
    static final String BUILT_IN_CONFIG = "smoke-config/sandbox.yaml";

    private final PrintStream out;
    private final Map<String, String> environment;

    /** File name, in the reports folder, of the configuration that {@code --keep} writes for reruns. */
    static final String KEPT_CONFIG = "sandbox-config.yaml";

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Sandbox configuration (default: the built-in " + BUILT_IN_CONFIG + ").")
    Path config;

    @Option(
            names = "--tenants",
            paramLabel = "N",
            defaultValue = "3",
            description = "Number of seeded tenants, at least 3 (default: ${DEFAULT-VALUE}).")
    int tenants;

    @Option(
            names = "--fault",
            paramLabel = "NAME",
            description = "Inject a named fault before the run. Repeatable;" + " see --list-faults.")
    List<String> faults = new ArrayList<>();

    @Option(
            names = "--phase",
            paramLabel = "NAME",
            defaultValue = "cleanup",
            description = "Cutover phase to simulate and check: prepare, backfill, cutover, lockdown or cleanup"
                    + " (default: ${DEFAULT-VALUE}, the end state).")
    String phase;

    @Option(
            names = "--routing-key",
            paramLabel = "STRATEGY",
            defaultValue = "issuer",
            description = "How the sandbox's platform routes tokens: issuer (one realm per tenant) or idp_alias"
                    + " (logins through the broker realm, routed by identity provider alias). Default:"
                    + " ${DEFAULT-VALUE}.")
    String routingKey;

    @Option(names = "--list-faults", description = "Print every fault with one line each, then exit.")
    boolean listFaults;

    @Option(
            names = "--no-keycloak",
            description = "Start no Keycloak and no reference platform; their checks are skipped with this reason.")
    boolean noKeycloak;

    @Option(names = "--keep", description = "Leave the environment running after the run and print how to connect.")
    boolean keep;

    @Mixin
    SelectionOptions selection;

    SandboxCommand(PrintStream out, Map<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (listFaults) {
            for (Fault fault : Fault.values()) {
                out.printf("%-32s %s%s%n", fault.cliName(), fault.description(), phaseNote(fault));
            }
            return ExitCodes.PASSED;
        }
        SandboxOptions options = options();
        String baseText = baseConfig();
        SuiteExecution.checkSelection(selection.toRunOptions());
        try (SandboxKeycloak keycloak = noKeycloak ? null : SandboxKeycloak.start(options.tenants());
                Sandbox sandbox = Sandbox.start(options, keycloak)) {
            SmokeConfig resolved =
                    new ConfigLoader(environment).loadWithOverlay(baseText, configName(), sandbox.configOverlay());
            int exitCode = new SuiteExecution(out, environment).execute("sandbox", resolved, selection.toRunOptions());
            if (keep) {
                sandbox.printConnectionHelp(out);
                Path configFile =
                        writeKeptConfig(resolved, selection.toRunOptions().reportsDir());
                out.println("  Run the suite again on this sandbox: ./catalog-smoke run --config " + configFile);
                stopOnSignal(sandbox, keycloak);
                new CountDownLatch(1).await();
            }
            return exitCode;
        }
    }

    /** Writes the resolved configuration where {@code run --config} can load it while the sandbox runs. */
    private static Path writeKeptConfig(SmokeConfig resolved, Path reportsDir) {
        Path file = reportsDir.resolve(KEPT_CONFIG);
        try {
            Files.writeString(
                    file,
                    "# The configuration of a running 'catalog-smoke sandbox --keep'; valid until it stops.\n"
                            + ConfigBanner.file(resolved));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * Stops the kept sandbox and its Keycloak when the JVM exits on SIGTERM or Ctrl+C, because the main thread
     * waits forever and never reaches the end of its try block.
     */
    private static void stopOnSignal(Sandbox sandbox, SandboxKeycloak keycloak) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            sandbox.close();
                            if (keycloak != null) {
                                keycloak.close();
                            }
                        },
                        "sandbox-stop"));
    }

    private static String phaseNote(Fault fault) {
        if (fault.phases().size() == CutoverPhase.values().length) {
            return "";
        }
        return " (--phase "
                + String.join(
                        " or ", fault.phases().stream().map(CutoverPhase::key).toList()) + ")";
    }

    private SandboxOptions options() {
        if (tenants < 3) {
            throw new ConfigException("--tenants " + tenants + ": the sandbox needs at least 3 tenants");
        }
        Set<Fault> selected = EnumSet.noneOf(Fault.class);
        for (String name : faults) {
            selected.add(Fault.fromCliName(name)
                    .orElseThrow(() -> new ConfigException("--fault " + name
                            + ": unknown fault; run 'catalog-smoke sandbox --list-faults' for the names")));
        }
        if (noKeycloak) {
            selected.stream().filter(Fault::needsKeycloak).findFirst().ifPresent(fault -> {
                throw new ConfigException("--fault " + fault.cliName() + " needs Keycloak; drop --no-keycloak");
            });
        }
        CutoverPhase cutoverPhase = CutoverPhase.fromKey(phase)
                .orElseThrow(() -> new ConfigException("--phase " + phase
                        + ": unknown phase; expected prepare, backfill, cutover, lockdown or cleanup"));
        RoutingStrategy routing = Arrays.stream(RoutingStrategy.values())
                .filter(strategy -> strategy.toString().equals(routingKey))
                .findFirst()
                .orElseThrow(() -> new ConfigException(
                        "--routing-key " + routingKey + ": unknown strategy; expected issuer or" + " idp_alias"));
        try {
            return SandboxOptions.defaults()
                    .withTenants(tenants)
                    .withPhase(cutoverPhase)
                    .withRouting(routing)
                    .withFaults(selected);
        } catch (IllegalArgumentException e) {
            String next = e.getMessage().contains("phase") ? "; choose a matching --phase" : "";
            throw new ConfigException("--fault: " + e.getMessage() + next);
        }
    }

    private String configName() {
        return config == null ? "built-in " + BUILT_IN_CONFIG : config.toString();
    }

    private String baseConfig() {
        if (config != null) {
            return ConfigLoader.readConfigFile(config);
        }
        try (InputStream in = SandboxCommand.class.getClassLoader().getResourceAsStream(BUILT_IN_CONFIG)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN_CONFIG + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
