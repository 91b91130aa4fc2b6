package dev.catalogsmoke.cli;

import dev.catalogsmoke.engine.RunOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by {@code run} and {@code sandbox}: which checks to run and where reports go. */
final class SelectionOptions {

    @Option(
            names = "--include-tag",
            paramLabel = "EXPR",
            description = "Run only checks matching this JUnit tag expression, e.g. 'postgres & !flyway'. Repeatable.")
    List<String> includeTags = new ArrayList<>();

    @Option(
            names = "--exclude-tag",
            paramLabel = "EXPR",
            description = "Skip checks matching this JUnit tag expression. Repeatable.")
    List<String> excludeTags = new ArrayList<>();

    @Option(
            names = "--reports-dir",
            paramLabel = "DIR",
            defaultValue = "smoke-reports",
            description = "Folder for junit/*.xml and summary.json (default: ${DEFAULT-VALUE}).")
    Path reportsDir;

    @Option(names = "--fail-fast", description = "Stop after the first failed check; the rest are reported skipped.")
    boolean failFast;

    RunOptions toRunOptions() {
        return new RunOptions(includeTags, excludeTags, reportsDir, failFast);
    }
}
