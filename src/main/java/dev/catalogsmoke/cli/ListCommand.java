package dev.catalogsmoke.cli;

import dev.catalogsmoke.checks.Checks;
import dev.catalogsmoke.checks.Verifies;
import dev.catalogsmoke.config.CutoverPhase;
import dev.catalogsmoke.engine.CutoverPhaseCondition;
import dev.catalogsmoke.engine.RunOptions;
import dev.catalogsmoke.engine.SuiteRunner;
import dev.catalogsmoke.report.CheckIds;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Print every check with its id, tags, cutover phases and what it verifies; touches nothing.")
final class ListCommand implements Callable<Integer> {

    private final PrintStream out;

    @Option(
            names = "--include-tag",
            paramLabel = "EXPR",
            description = "List only checks matching this tag expression.")
    List<String> includeTags = List.of();

    @Option(
            names = "--exclude-tag",
            paramLabel = "EXPR",
            description = "Leave out checks matching this tag expression.")
    List<String> excludeTags = List.of();

    ListCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        RunOptions options = new RunOptions(includeTags, excludeTags, Path.of("smoke-reports"), false);
        TestPlan plan = new SuiteRunner(Checks.ALL).discover(options);
        int count = 0;
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier container : plan.getChildren(root)) {
                for (TestIdentifier check : plan.getChildren(container)) {
                    print(plan, check);
                    count++;
                }
            }
        }
        out.println(count + " checks");
        return count == 0 ? ExitCodes.INVALID_USAGE : ExitCodes.PASSED;
    }

    private void print(TestPlan plan, TestIdentifier check) {
        out.println(CheckIds.displayPath(check, plan));
        out.println("  id:       " + CheckIds.idOf(check, plan)
                + (check.isContainer() ? " (one result per catalog: [identity], [tenancy])" : ""));
        out.println("  tags:     "
                + String.join(
                        ", ",
                        check.getTags().stream().map(TestTag::getName).sorted().toList()));
        out.println("  phases:   " + phases(check));
        out.println("  verifies: " + verifies(check));
    }

    private static String phases(TestIdentifier check) {
        if (check.getSource().orElse(null) instanceof MethodSource method) {
            return CutoverPhaseCondition.describe(CutoverPhaseCondition.declared(method.getJavaMethod()));
        }
        return CutoverPhaseCondition.describe(EnumSet.allOf(CutoverPhase.class));
    }

    private static String verifies(TestIdentifier check) {
        if (check.getSource().orElse(null) instanceof MethodSource method) {
            Verifies annotation = method.getJavaMethod().getAnnotation(Verifies.class);
            if (annotation != null) {
                return annotation.value();
            }
        }
        return "(no description)";
    }
}
