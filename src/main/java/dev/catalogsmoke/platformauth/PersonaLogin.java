package dev.catalogsmoke.platformauth;

import dev.catalogsmoke.keycloak.Persona;
import dev.catalogsmoke.keycloak.RealmTarget;
import dev.catalogsmoke.keycloak.TokenSummary;

/**
 * A persona's successful login: its realm, the access token, the tenant that the routing table holds for the
 * token's routing key, and that key for messages, such as {@code issuer https://...} or {@code identity provider
 * alias 'acme'}. {@link #toString()} shows the token's summary, never the token.
 */
public record PersonaLogin(
        RealmTarget target, Persona persona, String accessToken, String routedTenantId, String routedBy) {

    public TokenSummary summary() {
        return TokenSummary.of(accessToken);
    }

    @Override
    public String toString() {
        return persona + " (" + summary().describe() + ")";
    }
}
