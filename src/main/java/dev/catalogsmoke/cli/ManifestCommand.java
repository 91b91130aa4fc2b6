package dev.catalogsmoke.cli;

import dev.catalogsmoke.config.ConfigException;
import dev.catalogsmoke.flyway.BaselineManifest;
import dev.catalogsmoke.flyway.ManifestGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "manifest",
        mixinStandardHelpOptions = true,
        description = "Write a Flyway baseline manifest from a folder of migration scripts. Flyway applies them to"
                + " a throw-away embedded PostgreSQL, and the manifest records the history it wrote.")
final class ManifestCommand implements Callable<Integer> {

    private final PrintStream out;

    @Option(
            names = "--migrations",
            paramLabel = "DIR|LOCATION",
            required = true,
            description = "Folder of V*/R* scripts, or a Flyway location such as classpath:db/migration.")
    String migrations;

    @Option(
            names = "--database",
            paramLabel = "NAME",
            required = true,
            description = "Database the manifest describes, such as identity.")
    String database;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    ManifestCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        String location = migrations.contains(":") ? migrations : "filesystem:" + migrations;
        if (location.startsWith("filesystem:") && !Files.isDirectory(Path.of(location.substring(11)))) {
            throw new ConfigException("--migrations " + migrations + ": folder not found; pass the folder that contains"
                    + " the release's migration scripts");
        }
        BaselineManifest manifest = ManifestGenerator.generate(database, location);
        if (manifest.migrations().isEmpty()) {
            throw new ConfigException("--migrations " + migrations + ": Flyway found no migration there; point it at"
                    + " the folder of V<version>__<description>.sql and R__<description>.sql scripts");
        }
        String yaml =
                "# Baseline manifest written by catalog-smoke manifest from " + migrations + "\n" + manifest.toYaml();
        if (output == null) {
            out.print(yaml);
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, yaml);
            out.println("Wrote " + manifest.migrations().size() + " migrations to " + output);
        }
        return ExitCodes.PASSED;
    }
}
