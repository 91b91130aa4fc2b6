package dev.catalogsmoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.SmokeInvocation;
import dev.catalogsmoke.checks.CheckIdsForTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A healthy sandbox run, end to end: exit code, console report, summary.json and JUnit XML parsed back. */
class SandboxRunTest {

    @TempDir
    static Path reports;

    private static SmokeInvocation healthy;

    @BeforeAll
    static void runHealthySandbox() {
        healthy = SmokeInvocation.run(reports, Map.of(), "sandbox", "--no-keycloak");
    }

    @Test
    void healthySandboxExitsZero() {
        assertThat(healthy.exitCode()).as(healthy.out()).isZero();
        assertThat(healthy.problems()).isEmpty();
        assertThat(healthy.statuses())
                .containsEntry(CheckIdsForTests.ROUTING, "PASSED")
                .containsEntry(CheckIdsForTests.MEMBERSHIPS, "PASSED")
                .containsEntry(CheckIdsForTests.FLYWAY_TENANCY, "PASSED");
        healthy.statuses().forEach((id, status) -> {
            if (status.equals("SKIPPED")) {
                assertThat(healthy.message(id))
                        .as("skip reason of %s", id)
                        .containsAnyOf(
                                "cutover phase cleanup",
                                "catalog-smoke sandbox --no-keycloak",
                                "routingKey.strategy is issuer");
            }
        });
    }

    @Test
    void consolePrintsOneLinePerCheckAndTotals() {
        List<String> checkLines =
                healthy.out().lines().filter(line -> line.startsWith("PASS")).toList();
        long skipped =
                healthy.statuses().values().stream().filter("SKIPPED"::equals).count();

        assertThat(checkLines).hasSize(healthy.statuses().size() - (int) skipped);
        assertThat(checkLines.get(0))
                .contains("secrets > credentials Secret exists")
                .endsWith("> identity");
        assertThat(healthy.out())
                .containsPattern("(?m)^" + checkLines.size() + " passed, 0 failed, " + skipped
                        + " skipped, 0 not ready in \\d+\\.\\d+s$");
        assertThat(healthy.out())
                .contains("Resolved configuration from built-in smoke-config/sandbox.yaml (secrets redacted):");
    }

    @Test
    void summaryJsonHasEvidenceAndTags() {
        var checks = healthy.summary().get("checks");
        var routing = Stream.iterate(0, i -> i + 1)
                .limit(checks.size())
                .map(checks::get)
                .filter(check -> check.get("id").asString().equals(CheckIdsForTests.ROUTING))
                .findFirst()
                .orElseThrow();

        assertThat(healthy.summary().get("exitCode").asInt()).isZero();
        assertThat(healthy.summary().get("totals").get("passed").asInt())
                .isEqualTo(healthy.statuses().values().stream()
                        .filter("PASSED"::equals)
                        .count());
        assertThat(routing.get("tags").toString()).contains("routing", "postgres");
        assertThat(routing.get("evidence").toString()).contains("\"issuersChecked\":\"3\"", "exact string");
        assertThat(routing.get("durationMillis").asLong()).isNotNegative();
    }

    @Test
    void junitXmlHasOneTestcasePerCheck() throws Exception {
        Path xml;
        try (Stream<Path> files = Files.list(reports.resolve("junit"))) {
            xml = files.filter(file -> file.toString().endsWith(".xml"))
                    .findFirst()
                    .orElseThrow();
        }
        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        NodeList testcases = document.getElementsByTagName("testcase");

        assertThat(testcases.getLength()).isEqualTo(healthy.statuses().size());
        Element first = (Element) testcases.item(0);
        assertThat(first.getAttribute("classname")).isEqualTo("dev.catalogsmoke.checks.SecretsCheck");
        assertThat(document.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void failedRunWritesFailureWithExpectedAndActual(@TempDir Path failedReports) throws Exception {
        SmokeInvocation run = SmokeInvocation.run(
                failedReports,
                Map.of(),
                "sandbox",
                "--no-keycloak",
                "--fault",
                "routing-trailing-slash",
                "--include-tag",
                "routing");
        Path xml;
        try (Stream<Path> files = Files.list(failedReports.resolve("junit"))) {
            xml = files.filter(file -> file.toString().endsWith(".xml"))
                    .findFirst()
                    .orElseThrow();
        }
        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element failure = (Element) document.getElementsByTagName("failure").item(0);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(run.statuses()).hasSize(3);
        assertThat(failure.getAttribute("message"))
                .contains("expected 'http://127.0.0.1:18080/realms/acme'")
                .contains("actual 'http://127.0.0.1:18080/realms/acme/'");
    }
}
