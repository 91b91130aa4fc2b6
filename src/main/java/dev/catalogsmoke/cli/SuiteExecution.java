package dev.catalogsmoke.cli;

import dev.catalogsmoke.checks.Checks;
import dev.catalogsmoke.config.CredentialsSource;
import dev.catalogsmoke.config.DurationDeserializer;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.engine.RunOptions;
import dev.catalogsmoke.engine.SmokeContext;
import dev.catalogsmoke.engine.SuiteRunner;
import dev.catalogsmoke.engine.Waits;
import dev.catalogsmoke.kubernetes.KubernetesAccess;
import dev.catalogsmoke.kubernetes.KubernetesCredentials;
import dev.catalogsmoke.postgres.CredentialsProvider;
import dev.catalogsmoke.postgres.LocalCredentials;
import dev.catalogsmoke.report.ConsoleReport;
import dev.catalogsmoke.report.JunitXmlReport;
import dev.catalogsmoke.report.ProcessStats;
import dev.catalogsmoke.report.RunSummary;
import dev.catalogsmoke.report.SummaryJson;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one path from a resolved configuration to reports and an exit code, shared by {@code run} and {@code sandbox}. */
final class SuiteExecution {

    private final PrintStream out;
    private final Map<String, String> environment;

    SuiteExecution(PrintStream out, Map<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    int execute(String command, SmokeConfig config, RunOptions options) {
        return execute(command, config, options, false);
    }

    /** Runs the checks, writes the reports and keeps the verdict, publishing it too when {@code publishResult} is set. */
    int execute(String command, SmokeConfig config, RunOptions options, boolean publishResult) {
        checkSelection(options);
        KubernetesAccess kubernetes =
                config.kubernetes().enabled() ? KubernetesAccess.fromConfig(config) : KubernetesAccess.disabled();
        CredentialsProvider credentials = credentials(config, kubernetes);
        out.println("catalog-smoke " + command + ": configuration from " + config.source() + ", credentials from "
                + credentials.describe());
        out.print(ConfigBanner.render(config));
        try (SmokeContext context = new SmokeContext(config, kubernetes, credentials, options.failFast())) {
            RunSummary summary = new SuiteRunner(Checks.ALL).run(context, options);
            int exitCode = ExitCodes.of(summary);
            new ConsoleReport(out).print(summary);
            Path json = writeSummary(summary, exitCode, command, config, options);
            Path xml = writeJunitXml(summary, options);
            exitCode = new VerdictKeeper(out, config, kubernetes).keep(summary, exitCode, json, publishResult);
            out.println("Reports: " + xml + ", " + json + " (exit code " + exitCode + ")");
            return exitCode;
        }
    }

    /**
     * Rejects, before anything starts, a selection that names unknown tags or selects no check, and a reports folder
     * that cannot be created, so a typo costs seconds and not a whole run.
     */
    static void checkSelection(RunOptions options) {
        new SuiteRunner(Checks.ALL).validate(options);
        Path junitDir = options.reportsDir().resolve("junit");
        try {
            java.nio.file.Files.createDirectories(junitDir);
        } catch (IOException e) {
            throw new dev.catalogsmoke.config.ConfigException("--reports-dir " + options.reportsDir()
                    + ": cannot create the folder " + junitDir + " ("
                    + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); choose a writable folder");
        }
    }

    private CredentialsProvider credentials(SmokeConfig config, KubernetesAccess kubernetes) {
        CredentialsSource source = config.credentials().source();
        return switch (source) {
            case KUBERNETES ->
                new KubernetesCredentials(
                        config, kubernetes, new Waits(config.waits().pollInterval()));
            case FILE -> LocalCredentials.fromFile(config);
            case ENV -> LocalCredentials.fromEnvironment(config, environment);
        };
    }

    private static Path writeJunitXml(RunSummary summary, RunOptions options) {
        Path junitDir = options.reportsDir().resolve("junit");
        try {
            return JunitXmlReport.write(summary, junitDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JUnit XML to " + junitDir, e);
        }
    }

    private static Path writeSummary(
            RunSummary summary, int exitCode, String command, SmokeConfig config, RunOptions options) {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("command", command);
        run.put("config", config.source());
        run.put("namespace", config.namespace());
        run.put("revision", config.publish().revision());
        run.put("includeTags", String.join(" ", options.includeTags()));
        run.put("excludeTags", String.join(" ", options.excludeTags()));
        run.put("parallelism", String.valueOf(config.run().parallelism()));
        run.put("deadline", DurationDeserializer.format(config.run().deadline()));
        ProcessStats.startToFirstCheck()
                .ifPresent(duration -> run.put("startToFirstCheckMillis", String.valueOf(duration.toMillis())));
        ProcessStats.peakResidentKiB().ifPresent(kib -> run.put("peakResidentKiB", String.valueOf(kib)));
        try {
            return SummaryJson.write(summary, exitCode, run, options.reportsDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + SummaryJson.FILE_NAME + " to " + options.reportsDir(), e);
        }
    }
}
