package dev.catalogsmoke.checks;

import dev.catalogsmoke.config.ConfigLoader;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.engine.RunOptions;
import dev.catalogsmoke.engine.SmokeContext;
import dev.catalogsmoke.engine.SuiteRunner;
import dev.catalogsmoke.engine.Waits;
import dev.catalogsmoke.kubernetes.KubernetesAccess;
import dev.catalogsmoke.kubernetes.KubernetesCredentials;
import dev.catalogsmoke.report.CheckResult;
import dev.catalogsmoke.report.CheckStatus;
import dev.catalogsmoke.report.RunSummary;
import dev.catalogsmoke.sandbox.Fault;
import dev.catalogsmoke.sandbox.Sandbox;
import dev.catalogsmoke.sandbox.SandboxKeycloak;
import dev.catalogsmoke.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Starts a sandbox with faults, runs the selected checks on it through the launcher, and returns the results. */
final class SandboxSuite {

    private SandboxSuite() {}

    /** Runs the checks that match {@code tags} against a sandbox with {@code faults}; {@code keycloak} may be null. */
    static Results run(SandboxKeycloak keycloak, String tags, Path reports, Fault... faults) {
        return run(keycloak, tags, reports, Map.of(), faults);
    }

    /** Like {@link #run(SandboxKeycloak, String, Path, Fault...)}, with {@code CATALOG_SMOKE_*} variables set. */
    static Results run(
            SandboxKeycloak keycloak, String tags, Path reports, Map<String, String> environment, Fault... faults) {
        return run(keycloak, SandboxOptions.defaults().withFaults(Set.of(faults)), tags, reports, environment);
    }

    /** Runs the checks that match {@code tags} against a sandbox built with {@code options}. */
    static Results run(
            SandboxKeycloak keycloak,
            SandboxOptions options,
            String tags,
            Path reports,
            Map<String, String> environment) {
        try (Sandbox sandbox = Sandbox.start(options, keycloak)) {
            SmokeConfig config = new ConfigLoader(environment)
                    .loadWithOverlay(sandboxYaml(), "built-in smoke-config/sandbox.yaml", sandbox.configOverlay());
            KubernetesAccess kubernetes = KubernetesAccess.fromConfig(config);
            KubernetesCredentials credentials = new KubernetesCredentials(
                    config, kubernetes, new Waits(config.waits().pollInterval()));
            try (SmokeContext context = new SmokeContext(config, kubernetes, credentials, false)) {
                RunSummary summary = new SuiteRunner(Checks.ALL)
                        .run(context, new RunOptions(List.of(tags), List.of(), reports, false));
                return new Results(summary.results());
            }
        }
    }

    private static String sandboxYaml() {
        try (InputStream in = SandboxSuite.class.getClassLoader().getResourceAsStream("smoke-config/sandbox.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The results of one run, looked up by check id such as {@code KeycloakRealmCheck.everySeededRealmIsServed}. */
    record Results(List<CheckResult> all) {

        CheckResult check(String id) {
            return all.stream()
                    .filter(result -> result.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no result for " + id + " in " + ids()));
        }

        Set<String> withStatus(CheckStatus status) {
            return all.stream()
                    .filter(result -> result.status() == status)
                    .map(CheckResult::id)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        String ids() {
            return all.stream()
                    .map(result -> result.id() + " " + result.status())
                    .toList()
                    .toString();
        }
    }
}
