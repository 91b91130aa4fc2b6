package dev.catalogsmoke.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminationMessageTest {

    private static final Instant STARTED = Instant.parse("2026-05-01T10:15:30Z");

    @Test
    void passingRunIsHeadlineAndStart() {
        RunSummary summary = summary(List.of(result("secrets > Secret exists [identity]", CheckStatus.PASSED, "")));

        String text = TerminationMessage.render(summary, 0, "0b1c2d3", "ameide");

        assertThat(text.lines())
                .containsExactly(
                        "catalog-smoke PASSED (exit code 0): 1 passed, 0 failed, 0 skipped, 0 not ready in 1.50s",
                        "started 2026-05-01T10:15:30Z, revision 0b1c2d3, namespace ameide");
    }

    @Test
    void failedRunListsUnsuccessfulChecks() {
        RunSummary summary = summary(List.of(
                result("secrets > Secret exists [identity]", CheckStatus.PASSED, ""),
                result(
                        "postgres > role connects [tenancy]",
                        CheckStatus.FAILED,
                        "password authentication failed\nmore"),
                result("secrets > CNPG Database is applied [tenancy]", CheckStatus.NOT_READY, "timed out after 120s"),
                result("flyway > history matches", CheckStatus.SKIPPED, "no session")));

        String text = TerminationMessage.render(summary, 1, "", "ameide");

        assertThat(text).startsWith("catalog-smoke FAILED (exit code 1): 1 passed, 1 failed, 1 skipped, 1 not ready");
        assertThat(text).contains("revision not set");
        assertThat(text)
                .contains("FAIL      postgres > role connects [tenancy]\n          password authentication failed\n");
        assertThat(text)
                .contains("NOT READY secrets > CNPG Database is applied [tenancy]\n          timed out after 120s");
        assertThat(text).doesNotContain("more").doesNotContain("flyway").doesNotContain("Secret exists");
    }

    @Test
    void manyFailuresAreCounted() {
        List<CheckResult> results = IntStream.range(0, 20)
                .mapToObj(i -> result("check " + i, CheckStatus.FAILED, "broken " + i))
                .toList();

        String text = TerminationMessage.render(summary(results), 1, "", "ameide");

        assertThat(text).contains("check " + (TerminationMessage.MAX_LISTED - 1));
        assertThat(text).doesNotContain("check " + TerminationMessage.MAX_LISTED + "\n");
        assertThat(text).contains("... and " + (20 - TerminationMessage.MAX_LISTED) + " more; see summary.json");
    }

    @Test
    void longTextFitsKubeletLimit() {
        List<CheckResult> results = new ArrayList<>();
        String longName = "ü".repeat(600);
        for (int i = 0; i < TerminationMessage.MAX_LISTED; i++) {
            results.add(result(longName + i, CheckStatus.FAILED, "x".repeat(500)));
        }

        String text = TerminationMessage.render(summary(results), 1, "", "ameide");

        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(TerminationMessage.MAX_BYTES);
        assertThat(text).endsWith("\n[truncated]\n");
        assertThat(text).doesNotContain("\uFFFD");
    }

    @Test
    void writesExistingFile(@TempDir Path directory) throws Exception {
        Path file = Files.createFile(directory.resolve("termination-log"));

        boolean written = TerminationMessage.writeIfPresent(file.toString(), "catalog-smoke PASSED\n");

        assertThat(written).isTrue();
        assertThat(Files.readString(file)).isEqualTo("catalog-smoke PASSED\n");
    }

    @Test
    void skipsMissingFile(@TempDir Path directory) {
        Path file = directory.resolve("termination-log");

        boolean written = TerminationMessage.writeIfPresent(file.toString(), "text");

        assertThat(written).isFalse();
        assertThat(file).doesNotExist();
    }

    @Test
    void skipsEmptyPathAndDirectory(@TempDir Path directory) {
        assertThat(TerminationMessage.writeIfPresent("", "text")).isFalse();
        assertThat(TerminationMessage.writeIfPresent(directory.toString(), "text"))
                .isFalse();
    }

    private static RunSummary summary(List<CheckResult> results) {
        return new RunSummary(STARTED, Duration.ofMillis(1500), results);
    }

    private static CheckResult result(String displayName, CheckStatus status, String message) {
        return new CheckResult(
                displayName, "Check", displayName, List.of(), status, Duration.ofMillis(10), message, List.of());
    }
}
