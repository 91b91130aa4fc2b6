package dev.catalogsmoke.platformauth;

import dev.catalogsmoke.engine.PrerequisiteUnavailable;
import dev.catalogsmoke.engine.Problem;
import dev.catalogsmoke.keycloak.OidcHttp;
import dev.catalogsmoke.keycloak.Persona;
import dev.catalogsmoke.keycloak.PersonaSource;
import dev.catalogsmoke.keycloak.RealmDiscovery;
import dev.catalogsmoke.keycloak.RealmTarget;
import dev.catalogsmoke.keycloak.TokenClient;
import dev.catalogsmoke.keycloak.TokenSummary;
import dev.catalogsmoke.routing.RouteRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Logs each seeded realm's persona in once per run and sorts the outcomes. Logins that reached a routed issuer are
 * kept for the platform probes. A missing persona or a failed login is a problem of this contract. A realm that is not
 * served, or whose issuer has no single routing row, is skipped, because another check owns that fault.
 */
public final class PersonaLogins {

    private final List<PersonaLogin> logins = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();

    /** Logs every target's persona in through {@code publicUrl}; {@code routes} is the routing table by issuer. */
    public static PersonaLogins logIn(
            List<RealmTarget> targets,
            PersonaSource personas,
            TokenClient tokens,
            OidcHttp http,
            String publicUrl,
            Map<String, List<RouteRow>> routes) {
        PersonaLogins result = new PersonaLogins();
        for (RealmTarget target : targets) {
            result.logIn(target, personas, tokens, http, publicUrl, routes);
        }
        return result;
    }

    private void logIn(
            RealmTarget target,
            PersonaSource personas,
            TokenClient tokens,
            OidcHttp http,
            String publicUrl,
            Map<String, List<RouteRow>> routes) {
        Optional<Persona> persona = personas.persona(target.realm());
        if (persona.isEmpty()) {
            problems.add(Problem.of(
                    target.describe(),
                    "no persona is configured",
                    "keys " + target.realm() + ".username and " + target.realm() + ".password in " + personas.source(),
                    "none",
                    "Add the realm's persona so its login can be checked"));
            return;
        }
        RealmDiscovery discovery = RealmDiscovery.fetch(http, publicUrl, target.realm());
        if (!discovery.served()) {
            skipped.put(
                    target.realm(),
                    "realm not served (HTTP " + discovery.status() + "); the keycloak check reports it");
            return;
        }
        String token;
        try {
            token = tokens.accessToken(discovery, persona.get(), "");
        } catch (TokenClient.LoginFailed e) {
            problems.add(
                    Problem.of(target.describe(), "login failed: " + e.getMessage(), "Fix the persona or the realm"));
            return;
        }
        String issuer = TokenSummary.of(token).issuer();
        List<RouteRow> rows = routes.get(issuer);
        if (rows == null || rows.size() != 1) {
            skipped.put(
                    target.realm(),
                    "token issuer " + issuer + " has " + (rows == null ? 0 : rows.size())
                            + " routing rows; the keycloak and routing checks report it");
            return;
        }
        logins.add(new PersonaLogin(target, persona.get(), token, rows.get(0).tenantId()));
    }

    public List<PersonaLogin> logins() {
        return logins;
    }

    public List<Problem> problems() {
        return problems;
    }

    public Map<String, String> skipped() {
        return skipped;
    }

    /** Returns the first login for the negative contracts, or skips the check when no persona could log in. */
    public PersonaLogin first() {
        if (logins.isEmpty()) {
            throw new PrerequisiteUnavailable("no persona logged in to a routed realm, so the platform cannot be"
                    + " probed; see 'each seeded persona lands in its routed tenant'"
                    + (skipped.isEmpty() ? "" : " and " + skipped));
        }
        return logins.get(0);
    }

    /** Returns another login's routed tenant than {@code login}'s, as the tenant a forged claim or header names. */
    public String otherTenant(PersonaLogin login, List<RealmTarget> targets) {
        return targets.stream()
                .map(target -> target.tenant().id())
                .filter(id -> !id.equals(login.routedTenantId()))
                .findFirst()
                .orElseThrow(() -> new PrerequisiteUnavailable(
                        "only one tenant is seeded, so no other tenant can be" + " named in a claim or header"));
    }
}
