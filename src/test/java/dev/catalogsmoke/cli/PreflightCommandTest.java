package dev.catalogsmoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.kubernetes.RoleRules;
import dev.catalogsmoke.kubernetes.ShippedManifest;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code preflight} against the fabric8 mock API server in expectations mode. CRUD mode cannot judge access, so
 * the mock decides each SelfSubjectAccessReview by evaluating the rules of a Role, by default the one in k8s-job.yaml.
 */
class PreflightCommandTest {

    private static final String REVIEWS = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final List<ResourceAttributes> asked = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ShippedManifest manifest = ShippedManifest.load();
    private final String namespace = manifest.config(Map.of()).namespace();
    private KubernetesMockServer server;
    private Path configFile;

    @BeforeEach
    void startServer(@TempDir Path directory) throws IOException {
        server = new KubernetesMockServer(false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        configFile = directory.resolve("cluster.yaml");
        Files.writeString(configFile, manifest.configText());
    }

    @AfterEach
    void stopServer() {
        server.destroy();
    }

    @Test
    void shippedRoleGrantsEverything() {
        grant(rules -> rules);

        int exitCode = preflight("--publish-result");

        assertThat(exitCode).as("exit code; output:%n%s%s", output(), errors()).isZero();
        assertThat(output()).contains("All " + asked.size() + " permissions granted.");
        assertThat(output()).doesNotContain("MISSING");
    }

    @Test
    void missingSecretNamesVerbResourceAndName() {
        grant(rules -> without(rules, "secrets", "tenancy-db-credentials"));

        int exitCode = preflight("--publish-result");

        assertThat(exitCode).as("exit code; output:%n%s", output()).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(errors()).contains("1 permission is missing in namespace " + namespace);
        assertThat(errors()).contains("verb get, resource secrets, name tenancy-db-credentials");
        assertThat(output()).containsPattern("MISSING +get secrets " + namespace + "/tenancy-db-credentials");
    }

    @Test
    void missingEventCreateFailsOnlyWhenPublishing() {
        grant(rules -> without(rules, "events", null));

        int publishing = preflight("--publish-result");
        String publishingErrors = errors();
        int notPublishing = preflight();

        assertThat(publishing).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(publishingErrors).contains("verb create, resource events, name (any)");
        assertThat(notPublishing).isZero();
    }

    @Test
    void tagSelectionAsksOnlyWhatSelectedChecksNeed() {
        grant(rules -> List.of());

        int exitCode = preflight("--include-tag", "cnpg");

        assertThat(exitCode).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(asked).extracting(ResourceAttributes::getResource).containsOnly("databases", "clusters");
        assertThat(asked).allSatisfy(attributes -> {
            assertThat(attributes.getNamespace()).isEqualTo(namespace);
            assertThat(attributes.getGroup()).isEqualTo("postgresql.cnpg.io");
        });
    }

    @Test
    void reviewsCarryNamespaceAndName() {
        grant(rules -> rules);

        preflight("--include-tag", "secrets");

        assertThat(asked).hasSize(2);
        assertThat(asked)
                .extracting(ResourceAttributes::getName)
                .containsExactly("identity-db-credentials", "tenancy-db-credentials");
        assertThat(asked).extracting(ResourceAttributes::getVerb).containsOnly("get");
        assertThat(asked).extracting(ResourceAttributes::getNamespace).containsOnly(namespace);
    }

    /** Makes the mock decide every review by the rules of the shipped Role, changed by {@code change}. */
    private void grant(UnaryOperator<List<PolicyRule>> change) {
        RoleRules rules = new RoleRules(change.apply(manifest.one(Role.class).getRules()));
        server.expect()
                .post()
                .withPath(REVIEWS)
                .andReply(201, request -> {
                    SelfSubjectAccessReview review =
                            serialization.unmarshal(request.getUtf8Body(), SelfSubjectAccessReview.class);
                    ResourceAttributes attributes = review.getSpec().getResourceAttributes();
                    asked.add(attributes);
                    boolean allowed = rules.allows(
                            attributes.getVerb(),
                            attributes.getGroup(),
                            attributes.getResource(),
                            attributes.getName() == null ? "" : attributes.getName());
                    review.setStatus(new SubjectAccessReviewStatusBuilder()
                            .withAllowed(allowed)
                            .withReason(allowed ? "RBAC: allowed by the test's Role" : "")
                            .build());
                    return review;
                })
                .always();
    }

    /** Removes {@code name} (or, when null, every name) of {@code resource} from the rules. */
    private static List<PolicyRule> without(List<PolicyRule> rules, String resource, String name) {
        List<PolicyRule> changed = new ArrayList<>();
        for (PolicyRule rule : rules) {
            if (!rule.getResources().contains(resource)) {
                changed.add(rule);
            } else if (name == null) {
                List<String> others = new ArrayList<>(rule.getResources());
                others.remove(resource);
                if (!others.isEmpty()) {
                    changed.add(
                            new PolicyRuleBuilder(rule).withResources(others).build());
                }
            } else {
                List<String> names = new ArrayList<>(rule.getResourceNames());
                names.remove(name);
                changed.add(new PolicyRuleBuilder(rule).withResourceNames(names).build());
            }
        }
        return changed;
    }

    private int preflight(String... options) {
        out.reset();
        err.reset();
        asked.clear();
        List<String> args = new ArrayList<>(List.of("preflight", "--config", configFile.toString()));
        args.addAll(List.of(options));
        Map<String, String> environment =
                Map.of("CATALOG_SMOKE_KUBERNETES_API_SERVER", "http://127.0.0.1:" + server.getPort());
        return CatalogSmoke.execute(
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                environment);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
