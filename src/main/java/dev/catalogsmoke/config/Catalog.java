package dev.catalogsmoke.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The two catalogs split out of the legacy {@code platform} database. */
public enum Catalog {
    @JsonProperty("identity")
    IDENTITY,
    @JsonProperty("tenancy")
    TENANCY;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public Catalog other() {
        return this == IDENTITY ? TENANCY : IDENTITY;
    }

    @Override
    public String toString() {
        return key();
    }
}
