package dev.catalogsmoke.kubernetes;

import dev.catalogsmoke.config.SmokeConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the result of a run so that it outlives the pod: the JSON summary in a ConfigMap, and an Event on the Job
 * that ran the suite, both carrying the run's start time and the configured revision.
 */
public final class ResultPublisher {

    /** Label and annotation prefix of everything the suite writes. */
    public static final String PREFIX = "catalogsmoke.dev/";

    public static final String SUMMARY_KEY = "summary.json";
    public static final String TEXT_KEY = "summary.txt";

    /** A ConfigMap stores at most 1 MiB in all, so a longer summary is replaced by a note and the one-screen text. */
    static final int MAX_SUMMARY_CHARS = 900_000;

    /** Kubernetes label values: at most 63 characters, alphanumeric at both ends, '-', '_' and '.' inside. */
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

    private static final Logger log = LoggerFactory.getLogger(ResultPublisher.class);

    private final KubernetesAccess kubernetes;
    private final String namespace;
    private final SmokeConfig.Publish settings;

    public ResultPublisher(KubernetesAccess kubernetes, SmokeConfig config) {
        this.kubernetes = kubernetes;
        this.namespace = config.namespace();
        this.settings = config.publish();
    }

    /**
     * Writes the ConfigMap, then the Event when {@code publish.jobName} is set, and returns the objects written, such
     * as {@code ConfigMap ameide/catalog-smoke-result}. Throws {@link KubernetesApiException} when either write fails.
     */
    public String publish(RunResult result) {
        String configMap = writeConfigMap(result);
        Optional<String> event = writeEvent(result, configMap);
        return event.map(name -> configMap + ", " + name).orElse(configMap);
    }

    private String writeConfigMap(RunResult result) {
        String ref = namespace + "/" + settings.configMap();
        ConfigMap desired = new ConfigMapBuilder()
                .withMetadata(metadata(settings.configMap(), result))
                .withData(data(result))
                .build();
        try {
            ConfigMap existing = kubernetes
                    .client()
                    .configMaps()
                    .inNamespace(namespace)
                    .withName(settings.configMap())
                    .get();
            if (existing == null) {
                kubernetes
                        .client()
                        .configMaps()
                        .inNamespace(namespace)
                        .resource(desired)
                        .create();
            } else {
                desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
                kubernetes
                        .client()
                        .configMaps()
                        .inNamespace(namespace)
                        .resource(desired)
                        .update();
            }
        } catch (KubernetesClientException e) {
            throw failure("ConfigMap " + ref, "get, create and update on configmaps", e);
        }
        log.info("published the run's summary to ConfigMap {}", ref);
        return "ConfigMap " + ref;
    }

    private Optional<String> writeEvent(RunResult result, String configMap) {
        if (settings.jobName().isEmpty()) {
            log.info("no Event written: publish.jobName is empty, so there is no Job to attach it to");
            return Optional.empty();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String name = settings.jobName() + "." + Long.toHexString(System.nanoTime() ^ now.toEpochMilli());
        Event event = new EventBuilder()
                .withMetadata(metadata(name, result))
                .withNewInvolvedObject()
                .withApiVersion("batch/v1")
                .withKind("Job")
                .withNamespace(namespace)
                .withName(settings.jobName())
                .withUid(settings.jobUid().isEmpty() ? null : settings.jobUid())
                .endInvolvedObject()
                .withType(result.exitCode() == 0 ? "Normal" : "Warning")
                .withReason(reason(result.exitCode()))
                .withMessage(eventMessage(result, configMap))
                .withFirstTimestamp(now.toString())
                .withLastTimestamp(now.toString())
                .withCount(1)
                .withNewSource()
                .withComponent("catalog-smoke")
                .endSource()
                .withReportingComponent("catalog-smoke")
                .withReportingInstance(settings.jobName())
                .build();
        try {
            kubernetes
                    .client()
                    .v1()
                    .events()
                    .inNamespace(namespace)
                    .resource(event)
                    .create();
        } catch (KubernetesClientException e) {
            throw failure("Event " + namespace + "/" + name + " on Job " + settings.jobName(), "create on events", e);
        }
        log.info("published Event {}/{} on Job {}", namespace, name, settings.jobName());
        return Optional.of("Event " + namespace + "/" + name);
    }

    private ObjectMeta metadata(String name, RunResult result) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "catalog-smoke");
        labels.put("app.kubernetes.io/component", "smoke-result");
        if (!settings.revision().isEmpty()
                && LABEL_VALUE.matcher(settings.revision()).matches()) {
            labels.put(PREFIX + "revision", settings.revision());
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(PREFIX + "started-at", result.startedAt().toString());
        annotations.put(PREFIX + "revision", settings.revision());
        annotations.put(PREFIX + "exit-code", String.valueOf(result.exitCode()));
        annotations.put(PREFIX + "job", settings.jobName());
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName(name);
        metadata.setNamespace(namespace);
        metadata.setLabels(labels);
        metadata.setAnnotations(annotations);
        return metadata;
    }

    private static Map<String, String> data(RunResult result) {
        Map<String, String> data = new LinkedHashMap<>();
        if (result.summaryJson().length() <= MAX_SUMMARY_CHARS) {
            data.put(SUMMARY_KEY, result.summaryJson());
        } else {
            data.put(
                    SUMMARY_KEY,
                    "{\"truncated\": true, \"chars\": " + result.summaryJson().length() + "}");
        }
        data.put(TEXT_KEY, result.text());
        return data;
    }

    private String eventMessage(RunResult result, String configMap) {
        String revision = settings.revision().isEmpty() ? "not set" : settings.revision();
        String message = result.headline() + ". Run started " + result.startedAt() + ", revision " + revision
                + ". Summary in " + configMap + " (keys " + SUMMARY_KEY + ", " + TEXT_KEY + ").";
        return message.length() <= 1024 ? message : message.substring(0, 1021) + "...";
    }

    static String reason(int exitCode) {
        return switch (exitCode) {
            case 0 -> "SmokePassed";
            case 1 -> "SmokeFailed";
            case 3 -> "SmokeNotReady";
            default -> "SmokeError";
        };
    }

    private static KubernetesApiException failure(String object, String grant, KubernetesClientException e) {
        String status = e.getCode() == 0 ? String.valueOf(e.getMessage()) : e.getCode() + " " + e.getMessage();
        return new KubernetesApiException("cannot write " + object + ": " + status + "; check that the Role grants "
                + grant + " (catalog-smoke preflight --publish-result lists what is missing)");
    }

    /**
     * The published record of one run.
     *
     * @param startedAt when the run started
     * @param exitCode the run's exit code
     * @param headline one line with the verdict and the totals
     * @param text the one-screen summary, as in the termination message
     * @param summaryJson the content of {@code summary.json}
     */
    public record RunResult(Instant startedAt, int exitCode, String headline, String text, String summaryJson) {}
}
