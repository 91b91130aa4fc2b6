package dev.catalogsmoke.kubernetes;

/** The Kubernetes API rejected a request in a way that waiting cannot fix, such as 401 or 403. */
public class KubernetesApiException extends RuntimeException {

    public KubernetesApiException(String message) {
        super(message);
    }
}
