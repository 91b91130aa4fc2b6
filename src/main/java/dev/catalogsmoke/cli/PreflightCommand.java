package dev.catalogsmoke.cli;

import dev.catalogsmoke.checks.Checks;
import dev.catalogsmoke.config.ConfigException;
import dev.catalogsmoke.config.ConfigLoader;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.engine.RunOptions;
import dev.catalogsmoke.engine.SuiteRunner;
import dev.catalogsmoke.kubernetes.AccessReviews;
import dev.catalogsmoke.kubernetes.AccessReviews.Decision;
import dev.catalogsmoke.kubernetes.KubernetesAccess;
import dev.catalogsmoke.kubernetes.Permission;
import dev.catalogsmoke.kubernetes.RequiredPermissions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "preflight",
        mixinStandardHelpOptions = true,
        description = "Ask the API server (SelfSubjectAccessReview) whether this identity has every Kubernetes"
                + " permission the selected checks need. A missing permission exits with code 2.")
final class PreflightCommand implements Callable<Integer> {

    private final PrintStream out;
    private final Map<String, String> environment;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            required = true,
            description = "YAML configuration, such as smoke-config/cluster.yaml.")
    Path config;

    @Option(
            names = "--include-tag",
            paramLabel = "EXPR",
            description = "Ask only for what checks matching this tag expression need. Repeatable.")
    List<String> includeTags = List.of();

    @Option(
            names = "--exclude-tag",
            paramLabel = "EXPR",
            description = "Leave out what checks matching this tag expression need. Repeatable.")
    List<String> excludeTags = List.of();

    @Option(names = "--publish-result", description = "Also ask for what run --publish-result needs.")
    boolean publishResult;

    PreflightCommand(PrintStream out, Map<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        SmokeConfig resolved = new ConfigLoader(environment).load(config);
        Set<String> tags = selectedTags();
        List<Permission> required = RequiredPermissions.forSelection(resolved, tags, publishResult);
        out.println("catalog-smoke preflight: configuration from " + resolved.source() + ", namespace "
                + resolved.namespace() + ", checks tagged " + tags);
        if (required.isEmpty()) {
            out.println("No Kubernetes permission needed by the selected checks.");
            return ExitCodes.PASSED;
        }
        try (KubernetesAccess kubernetes = KubernetesAccess.fromConfig(resolved)) {
            List<Decision> decisions = new AccessReviews(kubernetes, resolved.namespace()).review(required);
            decisions.forEach(decision -> print(decision, resolved.namespace()));
            List<Decision> denied =
                    decisions.stream().filter(decision -> !decision.allowed()).toList();
            if (!denied.isEmpty()) {
                throw new ConfigException(missingMessage(denied, resolved.namespace()));
            }
        }
        out.println("All " + required.size() + " permissions granted.");
        return ExitCodes.PASSED;
    }

    private Set<String> selectedTags() {
        RunOptions options = new RunOptions(includeTags, excludeTags, Path.of("smoke-reports"), false);
        TestPlan plan = new SuiteRunner(Checks.ALL).discover(options);
        Set<String> tags = new TreeSet<>();
        for (TestIdentifier root : plan.getRoots()) {
            plan.getDescendants(root).stream()
                    .filter(identifier -> identifier.getSource().orElse(null) instanceof MethodSource)
                    .forEach(check ->
                            check.getTags().stream().map(TestTag::getName).forEach(tags::add));
        }
        if (tags.isEmpty()) {
            throw new ConfigException("no check selected by the tag expressions (include " + includeTags + ", exclude "
                    + excludeTags + "); run 'catalog-smoke list' to see the tags");
        }
        return tags;
    }

    private void print(Decision decision, String namespace) {
        Permission permission = decision.permission();
        out.printf(
                "%-8s %-60s %s%s%n",
                decision.allowed() ? "granted" : "MISSING",
                permission.describe(namespace),
                permission.neededFor(),
                decision.reason().isEmpty() ? "" : " (" + decision.reason() + ")");
    }

    static String missingMessage(List<Decision> denied, String namespace) {
        StringBuilder message = new StringBuilder()
                .append(denied.size())
                .append(denied.size() == 1 ? " permission is" : " permissions are")
                .append(" missing in namespace ")
                .append(namespace)
                .append(':');
        for (Decision decision : denied) {
            Permission permission = decision.permission();
            message.append("\n  verb ")
                    .append(permission.verb())
                    .append(", resource ")
                    .append(permission.qualifiedResource())
                    .append(", name ")
                    .append(permission.name().isEmpty() ? "(any)" : permission.name())
                    .append(" - needed for ")
                    .append(permission.neededFor());
        }
        return message.append("\nGrant them in the Role bound to this service account (see k8s-job.yaml)")
                .toString();
    }
}
