package dev.catalogsmoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plants a canary password in the sandbox and searches standard output, standard error (logs at debug level) and
 * every report file for it, in a separate JVM so nothing is shared with the test process.
 */
class SecretLeakTest {

    private static final String CANARY = "canary-Pa55w0rd-7f3a91";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "password-drift", "secret-wrong-username", "secret-wrong-type"})
    void canaryAppearsNowhere(String fault, @TempDir Path reports) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + SandboxOptions.PASSWORD_PROPERTY + "=" + CANARY,
                "-cp",
                System.getProperty("java.class.path"),
                CatalogSmoke.class.getName(),
                "sandbox",
                "--no-keycloak",
                "--verbose",
                "--reports-dir",
                reports.toString()));
        if (!fault.equals("none")) {
            command.addAll(List.of("--fault", fault));
        }
        Path out = reports.resolveSibling(reports.getFileName() + "-stdout.txt");
        Path err = reports.resolveSibling(reports.getFileName() + "-stderr.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();

        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("sandbox run finished")
                .isTrue();
        assertThat(Files.readString(out)).contains("passed,").doesNotContain(CANARY);
        assertThat(Files.readString(err)).doesNotContain(CANARY);
        for (Path file : reportFiles(reports)) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as(file.toString())
                    .doesNotContain(CANARY);
        }
    }

    private static List<Path> reportFiles(Path reports) throws IOException {
        try (Stream<Path> files = Files.walk(reports)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertThat(regular).as("report files").isNotEmpty();
            return regular;
        }
    }
}
