package dev.catalogsmoke.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.ConfigLoader;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.engine.WaitBudget;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("k8s-job.yaml")
class JobManifestTest {

    /** Time for the JVM to start and for the checks' own queries, beyond the named waits. */
    private static final Duration WORK_MARGIN = Duration.ofMinutes(2);

    private final ShippedManifest manifest = ShippedManifest.load();
    private final SmokeConfig config = manifest.config(Map.of());
    private final Job job = manifest.one(Job.class);
    private final PodSpec pod = job.getSpec().getTemplate().getSpec();
    private final Container container = onlyContainer();

    @Nested
    @DisplayName("Job")
    class JobSpec {

        @Test
        void runsAsPostSyncHookWithFixedName() {
            Map<String, String> annotations = job.getMetadata().getAnnotations();

            assertThat(annotations).containsEntry("argocd.argoproj.io/hook", "PostSync");
            assertThat(annotations).containsEntry("argocd.argoproj.io/hook-delete-policy", "BeforeHookCreation");
            assertThat(job.getMetadata().getName()).isEqualTo("catalog-smoke");
            assertThat(job.getMetadata().getGenerateName()).isNull();
        }

        @Test
        void neverRetriesAndOutlivesItsPod() {
            assertThat(job.getSpec().getBackoffLimit()).isZero();
            assertThat(pod.getRestartPolicy()).isEqualTo("Never");
            assertThat(job.getSpec().getTtlSecondsAfterFinished()).isNull();
        }

        @Test
        void deadlineExceedsTotalWaitBudget() {
            Duration waits = WaitBudget.total(config.waits());
            Duration deadline = Duration.ofSeconds(job.getSpec().getActiveDeadlineSeconds());

            assertThat(deadline)
                    .as("activeDeadlineSeconds against the longest wait (%s) plus %s", waits, WORK_MARGIN)
                    .isGreaterThanOrEqualTo(waits.plus(WORK_MARGIN));
        }

        @Test
        void keepsVerdictInTerminationMessage() {
            assertThat(container.getTerminationMessagePolicy()).isEqualTo("FallbackToLogsOnError");
            assertThat(container.getTerminationMessagePath())
                    .isEqualTo(config.publish().terminationMessagePath());
            assertThat(container.getArgs()).contains("--publish-result");
        }

        @Test
        void namesItsJobToPublishedEvent() {
            Map<String, String> fieldPaths = container.getEnv().stream()
                    .collect(Collectors.toMap(
                            EnvVar::getName,
                            variable -> variable.getValueFrom().getFieldRef().getFieldPath()));

            assertThat(fieldPaths)
                    .containsEntry("CATALOG_SMOKE_PUBLISH_JOB_NAME", "metadata.labels['batch.kubernetes.io/job-name']")
                    .containsEntry(
                            "CATALOG_SMOKE_PUBLISH_JOB_UID", "metadata.labels['batch.kubernetes.io/controller-uid']")
                    .containsKey("CATALOG_SMOKE_PUBLISH_REVISION");
        }

        @Test
        void environmentVariablesAreConfigurationKeys() {
            Map<String, String> environment = container.getEnv().stream()
                    .collect(Collectors.toMap(EnvVar::getName, variable -> "value-of-" + variable.getName()));

            SmokeConfig resolved = manifest.config(environment);

            assertThat(resolved.publish().jobName()).isEqualTo("value-of-CATALOG_SMOKE_PUBLISH_JOB_NAME");
            assertThat(resolved.publish().jobUid()).isEqualTo("value-of-CATALOG_SMOKE_PUBLISH_JOB_UID");
            assertThat(resolved.publish().revision()).isEqualTo("value-of-CATALOG_SMOKE_PUBLISH_REVISION");
        }

        @Test
        void setsRequestsAndLimits() {
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
        }
    }

    @Nested
    @DisplayName("security context")
    class Security {

        @Test
        void podIsNonRootWithSeccomp() {
            PodSecurityContext security = pod.getSecurityContext();

            assertThat(security.getRunAsNonRoot()).isTrue();
            assertThat(security.getRunAsUser()).isPositive();
            assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        }

        @Test
        void containerIsHardened() {
            SecurityContext security = container.getSecurityContext();

            assertThat(security.getRunAsNonRoot()).isTrue();
            assertThat(security.getReadOnlyRootFilesystem()).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).isFalse();
            assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
            assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
            assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        }

        @Test
        void writablePathsAreEmptyDirVolumes() {
            assertThat(emptyDirMountPaths()).contains("/tmp", "/reports");
            assertThat(container.getArgs()).containsSubsequence("--reports-dir", "/reports");
        }

        @Test
        void configurationFilesAreMounted() {
            List<String> args = container.getArgs();
            String configFile = args.get(args.indexOf("--config") + 1);

            assertThat(configFile).isEqualTo(mountPathOf("config") + "/" + ShippedManifest.CONFIG_KEY);
            for (Catalog catalog : Catalog.values()) {
                assertThat(config.catalog(catalog).flyway().manifest()).startsWith(mountPathOf("baseline") + "/");
            }
        }
    }

    @Nested
    @DisplayName("RBAC")
    class Rbac {

        private final Role role = manifest.one(Role.class);

        @Test
        void roleGrantsExactlyRequiredPermissions() {
            Set<String> granted = new RoleRules(role.getRules()).grants();
            Set<String> required = RequiredPermissions.all(config).stream()
                    .map(RoleRules::key)
                    .collect(Collectors.toCollection(TreeSet::new));

            assertThat(granted).as("Role grants that RequiredPermissions lacks").isSubsetOf(required);
            assertThat(required).as("RequiredPermissions that the Role lacks").isSubsetOf(granted);
        }

        @Test
        void roleHasNoWildcards() {
            for (PolicyRule rule : role.getRules()) {
                assertThat(rule.getVerbs()).doesNotContain("*");
                assertThat(rule.getApiGroups()).doesNotContain("*");
                assertThat(rule.getResources()).noneMatch(resource -> resource.contains("*"));
                assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
            }
        }

        @Test
        void secretsAreGrantedByName() {
            RoleRules rules = new RoleRules(role.getRules());

            assertThat(rules.allows(
                            "get",
                            "",
                            "secrets",
                            config.catalog(Catalog.TENANCY).secret()))
                    .isTrue();
            assertThat(rules.allows("get", "", "secrets", "some-other-secret")).isFalse();
            assertThat(rules.allows("list", "", "secrets", "")).isFalse();
        }

        @Test
        void nothingIsClusterScoped() {
            Set<String> kinds =
                    manifest.resources().stream().map(HasMetadata::getKind).collect(Collectors.toSet());

            assertThat(kinds).doesNotContain("ClusterRole", "ClusterRoleBinding", "Namespace");
            assertThat(manifest.resources())
                    .allSatisfy(resource ->
                            assertThat(resource.getMetadata().getNamespace()).isEqualTo(config.namespace()));
        }

        @Test
        void bindingGivesRoleToJobServiceAccount() {
            RoleBinding binding = manifest.one(RoleBinding.class);
            ServiceAccount account = manifest.one(ServiceAccount.class);

            assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
            assertThat(binding.getRoleRef().getName())
                    .isEqualTo(role.getMetadata().getName());
            assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
                assertThat(subject.getKind()).isEqualTo("ServiceAccount");
                assertThat(subject.getName()).isEqualTo(account.getMetadata().getName());
                assertThat(subject.getNamespace()).isEqualTo(config.namespace());
            });
            assertThat(pod.getServiceAccountName())
                    .isEqualTo(account.getMetadata().getName());
            assertThat(pod.getAutomountServiceAccountToken()).isTrue();
        }
    }

    @Test
    void everyFieldIsKnownToKubernetes() throws ReflectiveOperationException {
        List<String> unknown = new ArrayList<>();
        for (HasMetadata resource : manifest.resources()) {
            collectUnknownFields(resource, resource.getKind(), unknown);
        }

        assertThat(unknown)
                .as("fields that fabric8's Kubernetes model does not define")
                .isEmpty();
    }

    @Test
    void configMapMatchesClusterConfiguration() {
        SmokeConfig fromFile = new ConfigLoader(Map.of()).load(Path.of("smoke-config/cluster.yaml"));

        assertThat(config)
                .as(
                        "ConfigMap %s against smoke-config/cluster.yaml; copy the file into the ConfigMap",
                        ShippedManifest.CONFIG_MAP)
                .usingRecursiveComparison()
                .ignoringFields("source")
                .isEqualTo(fromFile);
    }

    /**
     * Walks fabric8 model objects and collects the paths of fields that landed in {@code additionalProperties}, which is
     * where fabric8 keeps a misspelt or misplaced key instead of failing.
     */
    private static void collectUnknownFields(Object node, String path, List<String> unknown)
            throws ReflectiveOperationException {
        if (node instanceof Collection<?> elements) {
            int index = 0;
            for (Object element : elements) {
                collectUnknownFields(element, path + "[" + index++ + "]", unknown);
            }
            return;
        }
        if (node == null || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")) {
                continue;
            }
            Object value = getter.invoke(node);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(key -> unknown.add(path + "." + key));
            } else if (!getter.getName().equals("getClass")) {
                collectUnknownFields(value, path + "." + getter.getName().substring(3), unknown);
            }
        }
    }

    private Container onlyContainer() {
        assertThat(pod.getContainers()).hasSize(1);
        return pod.getContainers().get(0);
    }

    private Set<String> emptyDirMountPaths() {
        Set<String> emptyDirs = pod.getVolumes().stream()
                .filter(volume -> volume.getEmptyDir() != null)
                .map(Volume::getName)
                .collect(Collectors.toSet());
        return container.getVolumeMounts().stream()
                .filter(mount -> emptyDirs.contains(mount.getName()))
                .map(VolumeMount::getMountPath)
                .collect(Collectors.toSet());
    }

    private String mountPathOf(String volume) {
        return container.getVolumeMounts().stream()
                .filter(mount -> mount.getName().equals(volume))
                .map(VolumeMount::getMountPath)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume mount named " + volume));
    }
}
