package dev.catalogsmoke.checks;

import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.config.TokenGrant;
import dev.catalogsmoke.keycloak.RealmTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Judges what a served realm contains against what the configuration and the identity catalog declare. */
final class RealmContents {

    /** Missing user ids listed in a failure message. */
    private static final int SAMPLE = 5;

    private RealmContents() {}

    /** Adds a finding for a missing or misconfigured smoke client; {@code client} is null when it is missing. */
    static void judgeClient(Findings findings, RealmTarget target, JsonNode client, SmokeConfig.Keycloak settings) {
        String object = target.describe() + ", client " + settings.clientId();
        if (client == null) {
            findings.add(
                    object,
                    "client is missing",
                    "client '" + settings.clientId() + "'",
                    "none",
                    "Import the realm with its smoke client, as the seed declares it");
            return;
        }
        List<String> wrong = new ArrayList<>();
        if (!client.path("enabled").asBoolean(false)) {
            wrong.add("enabled is false");
        }
        if (settings.grant() == TokenGrant.AUTHORIZATION_CODE) {
            if (!client.path("standardFlowEnabled").asBoolean(false)) {
                wrong.add("standard flow is off");
            }
            if (!"S256"
                    .equals(client.path("attributes")
                            .path("pkce.code.challenge.method")
                            .asString(""))) {
                wrong.add("PKCE method is not S256");
            }
            if (!redirectUris(client).contains(settings.redirectUri())) {
                wrong.add("redirect URI " + settings.redirectUri() + " is not registered");
            }
        } else if (!client.path("directAccessGrantsEnabled").asBoolean(false)) {
            wrong.add("direct access grants are off although keycloak.grant is password");
        }
        if (!wrong.isEmpty()) {
            findings.add(
                    object,
                    "client cannot log the personas in: " + String.join(", ", wrong),
                    "Fix the client in" + " the realm import");
        }
    }

    /** Adds a finding when subjects linked to the realm's issuer in the identity catalog are not users of the realm. */
    static void judgeUsers(Findings findings, RealmTarget target, Set<String> linked, Set<String> userIds) {
        Set<String> missing = new TreeSet<>(linked);
        missing.removeAll(userIds);
        if (missing.isEmpty()) {
            return;
        }
        List<String> sample = missing.stream().limit(SAMPLE).toList();
        findings.add(
                target.describe(),
                missing.size() + " of " + linked.size() + " subjects linked to issuer " + target.expectedIssuer()
                        + " in external identities are not users of the realm; sample: " + sample,
                "0 missing users",
                missing.size() + " missing",
                "Import the users (their Keycloak id is the linked subject), or fix the links; these users cannot"
                        + " log in");
    }

    private static Set<String> redirectUris(JsonNode client) {
        Set<String> uris = new TreeSet<>();
        client.path("redirectUris").forEach(uri -> uris.add(uri.asString()));
        return uris;
    }
}
