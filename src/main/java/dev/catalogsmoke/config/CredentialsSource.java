package dev.catalogsmoke.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Source that database credentials are read from. */
public enum CredentialsSource {
    /** The credentials Secrets, read through the Kubernetes API. */
    @JsonProperty("kubernetes")
    KUBERNETES,
    /** A local YAML file with {@code <catalog>.username} and {@code <catalog>.password}. */
    @JsonProperty("file")
    FILE,
    /** Environment variables {@code CATALOG_SMOKE_CREDENTIALS_<CATALOG>_USERNAME} and {@code ..._PASSWORD}. */
    @JsonProperty("env")
    ENV;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
