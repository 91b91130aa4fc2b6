package dev.catalogsmoke.kubernetes;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;

/** Checks with SelfSubjectAccessReviews whether the client's own identity has permissions in a namespace. */
public final class AccessReviews {

    private final KubernetesAccess kubernetes;
    private final String namespace;

    public AccessReviews(KubernetesAccess kubernetes, String namespace) {
        this.kubernetes = kubernetes;
        this.namespace = namespace;
    }

    /** Reviews each permission in the namespace, in the given order. */
    public List<Decision> review(List<Permission> permissions) {
        return permissions.stream().map(this::review).toList();
    }

    private Decision review(Permission permission) {
        SelfSubjectAccessReview request = new SelfSubjectAccessReviewBuilder()
                .withNewSpec()
                .withResourceAttributes(new ResourceAttributesBuilder()
                        .withNamespace(namespace)
                        .withVerb(permission.verb())
                        .withGroup(permission.group())
                        .withResource(permission.resource())
                        .withName(permission.name().isEmpty() ? null : permission.name())
                        .build())
                .endSpec()
                .build();
        SelfSubjectAccessReview response;
        try {
            response = kubernetes
                    .client()
                    .authorization()
                    .v1()
                    .selfSubjectAccessReview()
                    .create(request);
        } catch (KubernetesClientException e) {
            String reason = e.getCode() == 0 ? String.valueOf(e.getMessage()) : e.getCode() + " " + e.getMessage();
            throw new KubernetesApiException("SelfSubjectAccessReview of '" + permission.describe(namespace)
                    + "' failed: " + reason + "; check kubernetes.apiServer, the kubeconfig or the service account");
        }
        return Decision.of(permission, response.getStatus());
    }

    /** The API server's decision on one permission, with the reason when the server gave one. */
    public record Decision(Permission permission, boolean allowed, String reason) {

        static Decision of(Permission permission, SubjectAccessReviewStatus status) {
            if (status == null) {
                return new Decision(permission, false, "the review returned no status");
            }
            String reason = firstNonBlank(status.getReason(), status.getEvaluationError(), "");
            return new Decision(permission, Boolean.TRUE.equals(status.getAllowed()), reason);
        }

        private static String firstNonBlank(String first, String second, String fallback) {
            if (first != null && !first.isBlank()) {
                return first;
            }
            return second != null && !second.isBlank() ? second : fallback;
        }
    }
}
