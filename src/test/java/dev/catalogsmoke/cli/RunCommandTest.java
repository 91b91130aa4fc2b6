package dev.catalogsmoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.SmokeInvocation;
import dev.catalogsmoke.sandbox.Sandbox;
import dev.catalogsmoke.sandbox.SandboxOptions;
import dev.catalogsmoke.sandbox.SandboxTlsForTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --config} against a running sandbox, the way a laptop or CI outside the cluster would: credentials from
 * a local file or environment variables, the CA from a file, and no Kubernetes.
 */
class RunCommandTest {

    private static final String PASSWORD = "known-sandbox-password";

    private static final Map<String, String> ENV_CREDENTIALS = Map.of(
            "CATALOG_SMOKE_CREDENTIALS_IDENTITY_USERNAME",
            "identity",
            "CATALOG_SMOKE_CREDENTIALS_IDENTITY_PASSWORD",
            PASSWORD,
            "CATALOG_SMOKE_CREDENTIALS_TENANCY_USERNAME",
            "tenancy",
            "CATALOG_SMOKE_CREDENTIALS_TENANCY_PASSWORD",
            PASSWORD,
            "CATALOG_SMOKE_CREDENTIALS_LEGACY_USERNAME",
            "platform",
            "CATALOG_SMOKE_CREDENTIALS_LEGACY_PASSWORD",
            PASSWORD);

    @TempDir
    static Path directory;

    private static Sandbox sandbox;
    private static Path caFile;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withPasswords(() -> PASSWORD));
        caFile = directory.resolve("ca.crt");
        Files.writeString(caFile, sandbox.caCertificate());
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void fileCredentialsPassWithoutKubernetes() throws Exception {
        Path credentials = directory.resolve("credentials.yaml");
        Files.writeString(
                credentials,
                "identity:\n  username: identity\n  password: " + PASSWORD
                        + "\ntenancy:\n  username: tenancy\n  password: " + PASSWORD
                        + "\nlegacy:\n  username: platform\n  password: " + PASSWORD + "\n");
        Path config = writeConfig("file", "  file: " + credentials + "\n");

        SmokeInvocation run =
                SmokeInvocation.run(directory.resolve("file-reports"), Map.of(), "run", "--config", config.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.statuses()).containsEntry("SecretsCheck.credentialsSecretIsUsable[identity]", "SKIPPED");
        assertThat(run.message("SecretsCheck.credentialsSecretIsUsable[identity]"))
                .isEqualTo("credentials.source is file, so no Secret is read");
        assertThat(run.message("SecretsCheck.cnpgDatabaseIsApplied[identity]")).contains("kubernetes.enabled is false");
        assertThat(run.statuses().values()).filteredOn("PASSED"::equals).hasSizeGreaterThanOrEqualTo(12);
        assertThat(run.out()).doesNotContain(PASSWORD);
    }

    @Test
    void environmentCredentialsPass() throws Exception {
        Path config = writeConfig("env", "");
        Map<String, String> environment = ENV_CREDENTIALS;

        SmokeInvocation run = SmokeInvocation.run(
                directory.resolve("env-reports"), environment, "run", "--config", config.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
    }

    @Test
    void missingEnvironmentCredentialsFailWithVariableNames() throws Exception {
        Path config = writeConfig("env", "");

        SmokeInvocation run = SmokeInvocation.run(
                directory.resolve("no-env-reports"),
                Map.of(),
                "run",
                "--config",
                config.toString(),
                "--include-tag",
                "postgres");

        assertThat(run.message("ConnectivityCheck.roleConnectsToOwnDatabase[identity]"))
                .contains(
                        "CATALOG_SMOKE_CREDENTIALS_IDENTITY_USERNAME and CATALOG_SMOKE_CREDENTIALS_IDENTITY_PASSWORD");
        assertThat(run.message("ConnectivityCheck.roleConnectsToOwnDatabase[identity]"))
                .startsWith("not checked, and no selected check reports the cause:");
        assertThat(run.statuses().values()).containsOnly("FAILED", "SKIPPED");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECKS_FAILED);
    }

    @Test
    void wrongCaFailsHandshake() throws Exception {
        Path config = writeConfig("env", "").resolveSibling("wrong-ca.yaml");
        Path wrongCa = directory.resolve("wrong-ca.crt");
        Files.writeString(wrongCa, SandboxTlsForTests.otherCa());
        Files.writeString(
                config,
                Files.readString(directory.resolve("config-env.yaml")).replace(caFile.toString(), wrongCa.toString()));
        Map<String, String> environment = ENV_CREDENTIALS;

        SmokeInvocation run = SmokeInvocation.run(
                directory.resolve("wrong-ca-reports"),
                environment,
                "run",
                "--config",
                config.toString(),
                "--include-tag",
                "postgres");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(run.message("ConnectivityCheck.roleConnectsToOwnDatabase[identity]"))
                .contains("TLS: handshake with 127.0.0.1:")
                .contains("check that the CA");
    }

    private static Path writeConfig(String source, String credentialsExtra) throws Exception {
        Path config = directory.resolve("config-" + source + ".yaml");
        Files.writeString(config, """
                namespace: laptop
                credentials:
                  source: %s
                %skubernetes:
                  enabled: false
                postgres:
                  host: 127.0.0.1
                  port: %d
                  tls:
                    mode: verify-full
                    caFile: %s
                catalogs:
                  identity:
                    flyway:
                      manifest: classpath:sandbox/baseline/identity.yaml
                  tenancy:
                    flyway:
                      manifest: classpath:sandbox/baseline/tenancy.yaml
                waits:
                  pollInterval: 500ms
                  connection: 5s
                """.formatted(source, credentialsExtra, sandbox.servicePort(), caFile));
        return config;
    }
}
