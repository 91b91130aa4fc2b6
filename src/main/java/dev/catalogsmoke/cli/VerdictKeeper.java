package dev.catalogsmoke.cli;

import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.kubernetes.KubernetesAccess;
import dev.catalogsmoke.kubernetes.KubernetesApiException;
import dev.catalogsmoke.kubernetes.ResultPublisher;
import dev.catalogsmoke.report.RunSummary;
import dev.catalogsmoke.report.TerminationMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a run's verdict readable after its pod is gone: the termination message on every run, and with {@code
 * --publish-result} the summary in a ConfigMap and an Event on the Job.
 */
final class VerdictKeeper {

    private static final Logger log = LoggerFactory.getLogger(VerdictKeeper.class);

    private final PrintStream out;
    private final SmokeConfig config;
    private final KubernetesAccess kubernetes;

    VerdictKeeper(PrintStream out, SmokeConfig config, KubernetesAccess kubernetes) {
        this.out = out;
        this.config = config;
        this.kubernetes = kubernetes;
    }

    /**
     * Publishes when asked, then writes the termination message, and returns the run's exit code. A publication that
     * fails turns a passing run into {@link ExitCodes#ERROR}, because its verdict would be lost with the pod.
     */
    int keep(RunSummary summary, int exitCode, Path summaryJson, boolean publishResult) {
        int finalExitCode = exitCode;
        if (publishResult) {
            finalExitCode = publish(summary, exitCode, summaryJson);
        }
        String text = TerminationMessage.render(
                summary, finalExitCode, config.publish().revision(), config.namespace());
        TerminationMessage.writeIfPresent(config.publish().terminationMessagePath(), text);
        return finalExitCode;
    }

    private int publish(RunSummary summary, int exitCode, Path summaryJson) {
        if (!kubernetes.enabled()) {
            out.println("Result not published: --publish-result needs kubernetes.enabled true");
            log.error("--publish-result given but kubernetes.enabled is false; nothing published");
            return exitCode == ExitCodes.PASSED ? ExitCodes.ERROR : exitCode;
        }
        ResultPublisher.RunResult result = new ResultPublisher.RunResult(
                summary.startedAt(),
                exitCode,
                TerminationMessage.headline(summary, exitCode),
                TerminationMessage.render(summary, exitCode, config.publish().revision(), config.namespace()),
                read(summaryJson));
        try {
            String written = new ResultPublisher(kubernetes, config).publish(result);
            out.println("Result published: " + written);
            return exitCode;
        } catch (KubernetesApiException e) {
            out.println("Result not published: " + e.getMessage());
            log.error("publishing the result failed: {}", e.getMessage());
            return exitCode == ExitCodes.PASSED ? ExitCodes.ERROR : exitCode;
        }
    }

    private static String read(Path summaryJson) {
        try {
            return Files.readString(summaryJson);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + summaryJson + " back for publishing", e);
        }
    }
}
