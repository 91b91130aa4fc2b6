package dev.catalogsmoke.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Routing key that the platform finds a token's tenant by, set with {@code routingKey.strategy}. */
public enum RoutingStrategy {
    /** The token's {@code iss}: one realm per tenant, each issuer with its routing row. */
    @JsonProperty("issuer")
    ISSUER,
    /** The alias of the identity provider that one broker realm used for the login, read from a claim. */
    @JsonProperty("idp_alias")
    IDP_ALIAS;

    @Override
    public String toString() {
        return this == ISSUER ? "issuer" : "idp_alias";
    }
}
