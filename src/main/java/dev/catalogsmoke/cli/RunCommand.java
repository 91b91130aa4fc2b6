package dev.catalogsmoke.cli;

import dev.catalogsmoke.config.ConfigLoader;
import dev.catalogsmoke.config.SmokeConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Check a real environment described by a configuration file.")
final class RunCommand implements Callable<Integer> {

    private final PrintStream out;
    private final Map<String, String> environment;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            required = true,
            description = "YAML configuration, such as smoke-config/cluster.yaml.")
    Path config;

    @Mixin
    SelectionOptions selection;

    @Option(
            names = "--publish-result",
            description = "Also write summary.json to the ConfigMap publish.configMap and an Event on the Job"
                    + " publish.jobName, so the result outlives the pod.")
    boolean publishResult;

    RunCommand(PrintStream out, Map<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        SmokeConfig resolved = new ConfigLoader(environment).load(config);
        return new SuiteExecution(out, environment).execute("run", resolved, selection.toRunOptions(), publishResult);
    }
}
