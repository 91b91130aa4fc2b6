package dev.catalogsmoke.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The OAuth 2.0 grant that the suite uses to obtain a persona's tokens from Keycloak. */
public enum TokenGrant {
    /** Authorization code with PKCE (S256), driving the login form without a browser, as real clients log in. */
    @JsonProperty("authorization-code")
    AUTHORIZATION_CODE,
    /** Resource owner password grant, a fallback for realms whose login form needs a browser. */
    @JsonProperty("password")
    PASSWORD;

    @Override
    public String toString() {
        return this == AUTHORIZATION_CODE ? "authorization-code" : "password";
    }
}
