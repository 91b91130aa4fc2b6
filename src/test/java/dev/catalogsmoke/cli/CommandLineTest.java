package dev.catalogsmoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.SmokeInvocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors, listing and selection, without starting a sandbox unless the case needs one. */
class CommandLineTest {

    @TempDir
    Path directory;

    @Test
    void listPrintsEveryCheckWithTags() {
        SmokeInvocation run = SmokeInvocation.runRaw(null, Map.of(), "list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("tenancy routing > no issuer maps to two tenants")
                .contains("id:       RoutingCheck.noIssuerMapsToTwoTenants")
                .contains("tags:     postgres, routing")
                .contains("verifies: No issuer in the routing table maps to more than one tenant")
                .containsPattern("(?m)^\\d+ checks$");
    }

    @Test
    void listFiltersByTag() {
        SmokeInvocation run = SmokeInvocation.runRaw(null, Map.of(), "list", "--include-tag", "flyway");

        assertThat(run.out()).contains("1 checks").contains("FlywayBaselineCheck.historyMatchesBaseline");
    }

    @Test
    void missingConfigFileExitsTwo() {
        SmokeInvocation run = SmokeInvocation.run(directory, Map.of(), "run", "--config", "no-such.yaml");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(run.err()).contains("no-such.yaml: configuration file not found");
    }

    @Test
    void invalidConfigValueExitsTwoNamingKey() throws Exception {
        Path config = directory.resolve("bad.yaml");
        Files.writeString(config, "postgres:\n  port: seventy\n");

        SmokeInvocation run = SmokeInvocation.run(directory, Map.of(), "run", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(run.err())
                .contains("bad.yaml")
                .contains("key 'postgres.port'")
                .contains("seventy");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void unknownOptionExitsTwo() {
        SmokeInvocation run = SmokeInvocation.runRaw(null, Map.of(), "run", "--config", "x.yaml", "--no-such-option");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void unknownFaultExitsTwo() {
        SmokeInvocation run =
                SmokeInvocation.run(directory, Map.of(), "sandbox", "--no-keycloak", "--fault", "disk-full");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(run.err()).contains("--fault disk-full: unknown fault").contains("--list-faults");
    }

    @Test
    void aliasFaultNeedsAliasRouting() {
        SmokeInvocation run = SmokeInvocation.run(
                directory, Map.of(), "sandbox", "--no-keycloak", "--fault", "routing-alias-missing");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(run.err())
                .contains("--fault: fault routing-alias-missing breaks routing by identity provider alias, so it"
                        + " needs --routing-key idp_alias")
                .doesNotContain("--phase");
    }

    @Test
    void unknownRoutingKeyExitsTwo() {
        SmokeInvocation run =
                SmokeInvocation.run(directory, Map.of(), "sandbox", "--no-keycloak", "--routing-key", "tenantId");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(run.err()).contains("--routing-key tenantId: unknown strategy; expected issuer or idp_alias");
    }

    @Test
    void listFaultsPrintsOneLineEach() {
        SmokeInvocation run = SmokeInvocation.runRaw(null, Map.of(), "sandbox", "--no-keycloak", "--list-faults");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().count()).isEqualTo(dev.catalogsmoke.sandbox.Fault.values().length);
        assertThat(run.out()).contains("password-drift").contains("routing-trailing-slash");
    }

    @Test
    void invalidTagExpressionExitsTwo() {
        SmokeInvocation run =
                SmokeInvocation.run(directory, Map.of(), "sandbox", "--no-keycloak", "--include-tag", "routing &");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(run.err()).contains("invalid tag expression");
    }

    @Test
    void noSelectedCheckExitsTwo() {
        SmokeInvocation run = SmokeInvocation.run(
                directory, Map.of(), "sandbox", "--no-keycloak", "--include-tag", "routing & flyway");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(run.err()).contains("no check selected");
        assertThat(run.out()).doesNotContain("sandbox ready");
    }

    @Test
    void unknownTagExitsTwoBeforeStarting() {
        SmokeInvocation run =
                SmokeInvocation.run(directory, Map.of(), "sandbox", "--no-keycloak", "--exclude-tag", "flywya");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(run.err())
                .contains("tag expression 'flywya' names unknown tag 'flywya'")
                .contains("known tags:");
        assertThat(run.summary()).as("no run, so no summary").isNull();
    }

    @Test
    void unwritableReportsDirExitsTwo() throws Exception {
        Path file = Files.writeString(directory.resolve("a-file"), "not a folder");

        SmokeInvocation run =
                SmokeInvocation.runRaw(null, Map.of(), "sandbox", "--no-keycloak", "--reports-dir", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(run.err()).contains("--reports-dir " + file).contains("choose a writable folder");
    }

    @Test
    void manifestOfEmptyFolderExitsTwo() throws Exception {
        Path empty = Files.createDirectories(directory.resolve("no-scripts"));

        SmokeInvocation run = SmokeInvocation.runRaw(
                null, Map.of(), "manifest", "--migrations", empty.toString(), "--database", "identity");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(run.err()).contains("Flyway found no migration there");
    }

    @Test
    void manifestCreatesOutputFolder() {
        Path out = directory.resolve("baseline/nested/tenancy.yaml");

        SmokeInvocation run = SmokeInvocation.runRaw(
                null,
                Map.of(),
                "manifest",
                "--migrations",
                "classpath:sandbox/migrations/tenancy",
                "--database",
                "tenancy",
                "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out).content().contains("V4__create_tenant_aliases.sql");
    }

    @Test
    void noArgumentsPrintsUsage() {
        SmokeInvocation run = SmokeInvocation.runRaw(null, Map.of());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(run.err()).contains("missing subcommand").contains("Usage: catalog-smoke");
    }

    @Test
    void unreportedPrerequisiteFailsRun() {
        SmokeInvocation run = SmokeInvocation.run(
                directory,
                Map.of(),
                "sandbox",
                "--no-keycloak",
                "--fault",
                "secret-missing-password",
                "--include-tag",
                "routing");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(run.problems()).containsEntry("RoutingCheck.everyIssuerRoutesToOneActiveTenant", "FAILED");
        assertThat(run.message("RoutingCheck.everyIssuerRoutesToOneActiveTenant"))
                .startsWith("not checked, and no selected check reports the cause:")
                .contains("key 'password' is missing");
    }

    @Test
    void unreportedWaitEndsNotReady() {
        SmokeInvocation run = SmokeInvocation.run(
                directory,
                Map.of("CATALOG_SMOKE_WAITS_CONNECTION", "2s"),
                "sandbox",
                "--no-keycloak",
                "--fault",
                "cluster-unreachable",
                "--include-tag",
                "schema | routing");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_READY);
        assertThat(run.problems().values()).isNotEmpty().containsOnly("NOT_READY");
    }

    @Test
    void failFastSkipsChecksAfterFirstFailure() {
        SmokeInvocation run = SmokeInvocation.run(
                directory, Map.of(), "sandbox", "--no-keycloak", "--fault", "secret-wrong-type", "--fail-fast");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(run.problems()).containsOnlyKeys("SecretsCheck.credentialsSecretIsUsable[identity]");
        List<String> statuses = List.copyOf(run.statuses().values());
        int failed = statuses.indexOf("FAILED");
        assertThat(statuses.subList(failed + 1, statuses.size())).isNotEmpty().containsOnly("SKIPPED");
        assertThat(run.out()).contains("not run: --fail-fast is set and an earlier check failed");
    }

    @Test
    void environmentOverrideReachesRun() {
        SmokeInvocation run = SmokeInvocation.run(
                directory, Map.of("CATALOG_SMOKE_WAITS_SECRET", "nonsense"), "sandbox", "--no-keycloak");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(run.err()).contains("key 'waits.secret'").contains("nonsense");
    }
}
