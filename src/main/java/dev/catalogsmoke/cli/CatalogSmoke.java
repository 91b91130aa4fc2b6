package dev.catalogsmoke.cli;

import dev.catalogsmoke.config.ConfigException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of the {@code catalog-smoke} command line. */
@Command(
        name = "catalog-smoke",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Post-deployment smoke and contract suite for the identity and tenancy catalogs.",
        subcommands = {
            RunCommand.class,
            SandboxCommand.class,
            ListCommand.class,
            ManifestCommand.class,
            PreflightCommand.class,
            BenchmarkCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every selected check passed",
            "1:at least one check failed",
            "2:invalid usage or configuration, no check selected, or a permission missing (preflight)",
            "3:the environment did not become ready within its wait budgets, and nothing else failed",
            "4:any other error"
        })
public final class CatalogSmoke implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--verbose",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Log at debug level and print stack traces of errors.")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing subcommand: run, sandbox, list," + " preflight or manifest");
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err, System.getenv()));
    }

    /** Runs the command line and returns its exit code; the streams and environment are parameters for tests. */
    /** pgjdbc logs through java.util.logging; its errors reach the suite as exceptions and are reported there. */
    private static final java.util.logging.Logger PGJDBC_LOG = java.util.logging.Logger.getLogger("org.postgresql");

    public static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        PGJDBC_LOG.setLevel(java.util.logging.Level.OFF);
        if (java.util.Arrays.asList(args).contains("--verbose")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        CommandLine commandLine = new CommandLine(new CatalogSmoke(), new CommandFactory(out, environment));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> handle(exception, line, err));
        return commandLine.execute(args);
    }

    private static int handle(Exception exception, CommandLine line, PrintStream err) {
        boolean verbose = ((CatalogSmoke) rootOf(line).getCommand()).verbose;
        Logger log = LoggerFactory.getLogger(CatalogSmoke.class);
        if (exception instanceof ConfigException) {
            err.println("catalog-smoke: " + exception.getMessage());
            if (verbose) {
                exception.printStackTrace(err);
            }
            return ExitCodes.INVALID_USAGE;
        }
        log.debug("catalog-smoke stopped by an unexpected error", exception);
        err.println("catalog-smoke: error: " + exception.getMessage()
                + (verbose ? "" : " (rerun with --verbose" + " for the stack trace)"));
        if (verbose) {
            exception.printStackTrace(err);
        }
        return ExitCodes.ERROR;
    }

    private static CommandLine rootOf(CommandLine line) {
        CommandLine root = line;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root;
    }

    /** Creates commands with the output stream and environment of this invocation. */
    private record CommandFactory(PrintStream out, Map<String, String> environment) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == RunCommand.class) {
                return type.cast(new RunCommand(out, environment));
            }
            if (type == SandboxCommand.class) {
                return type.cast(new SandboxCommand(out, environment));
            }
            if (type == ListCommand.class) {
                return type.cast(new ListCommand(out));
            }
            if (type == PreflightCommand.class) {
                return type.cast(new PreflightCommand(out, environment));
            }
            if (type == BenchmarkCommand.class) {
                return type.cast(new BenchmarkCommand(out));
            }
            if (type == ManifestCommand.class) {
                return type.cast(new ManifestCommand(out));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
