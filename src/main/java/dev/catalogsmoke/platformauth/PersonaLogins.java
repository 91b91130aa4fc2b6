package dev.catalogsmoke.platformauth;

import dev.catalogsmoke.engine.BoundedConcurrency;
import dev.catalogsmoke.engine.PrerequisiteUnavailable;
import dev.catalogsmoke.engine.Problem;
import dev.catalogsmoke.keycloak.OidcHttp;
import dev.catalogsmoke.keycloak.Persona;
import dev.catalogsmoke.keycloak.PersonaSource;
import dev.catalogsmoke.keycloak.RealmDiscovery;
import dev.catalogsmoke.keycloak.RealmTarget;
import dev.catalogsmoke.keycloak.TokenClient;
import dev.catalogsmoke.keycloak.TokenSummary;
import dev.catalogsmoke.routing.AliasRouting;
import dev.catalogsmoke.routing.RouteRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Logs each seeded realm's persona in once per run and sorts the outcomes. Logins that reached a routed issuer are
 * kept for the platform probes. A missing persona or a failed login is a problem of this contract. A realm that is not
 * served, or whose issuer has no single routing row, is skipped, because another check owns that fault.
 *
 * <p>With routing key strategy {@code idp_alias} each persona logs in through the broker realm with its tenant's
 * identity provider alias; the token must carry that alias in the alias claim, and the alias's routing row gives the
 * tenant.
 */
public final class PersonaLogins {

    /** Login path of the personas and routing of their tokens: by issuer, or through a broker by alias. */
    public record Routing(
            Map<String, List<RouteRow>> byIssuer, AliasRouting byAlias, RealmDiscovery broker, String aliasClaim) {

        public static Routing byIssuer(Map<String, List<RouteRow>> routes) {
            return new Routing(routes, null, null, null);
        }

        public static Routing byAlias(AliasRouting routes, RealmDiscovery broker, String aliasClaim) {
            return new Routing(Map.of(), routes, broker, aliasClaim);
        }

        public boolean aliases() {
            return byAlias != null;
        }
    }

    private final List<PersonaLogin> logins = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();

    /**
     * Logs every target's persona in through {@code publicUrl}, routed as {@code routing} defines, {@code
     * concurrency} at a time, so many realms do not add up serially. Each login may take {@code perLogin}; the
     * outcomes keep the order of {@code targets}.
     */
    public static PersonaLogins logIn(
            List<RealmTarget> targets,
            PersonaSource personas,
            TokenClient tokens,
            OidcHttp http,
            String publicUrl,
            Routing routing,
            int concurrency,
            Duration perLogin) {
        BoundedConcurrency fanOut = new BoundedConcurrency(concurrency, perLogin, "persona login");
        List<BoundedConcurrency.Outcome<RealmTarget, PersonaLogins>> outcomes = fanOut.run(targets, target -> {
            PersonaLogins realmLogin = new PersonaLogins();
            if (routing.aliases()) {
                realmLogin.logInThroughBroker(target, personas, tokens, routing);
            } else {
                realmLogin.logIn(target, personas, tokens, http, publicUrl, routing.byIssuer());
            }
            return realmLogin;
        });
        PersonaLogins result = new PersonaLogins();
        for (BoundedConcurrency.Outcome<RealmTarget, PersonaLogins> outcome : outcomes) {
            if (outcome.succeeded()) {
                result.logins.addAll(outcome.value().logins);
                result.problems.addAll(outcome.value().problems);
                result.skipped.putAll(outcome.value().skipped);
            } else {
                String reason = outcome.timedOut()
                        ? "did not finish within " + perLogin
                        : "failed: " + outcome.error().getMessage();
                result.problems.add(Problem.of(
                        outcome.item().describe(),
                        "persona login " + reason,
                        "Check that Keycloak responds at keycloak.publicUrl, or raise keycloak.requestTimeout"));
            }
        }
        return result;
    }

    private void logInThroughBroker(RealmTarget target, PersonaSource personas, TokenClient tokens, Routing routing) {
        String alias = target.tenant().alias();
        Optional<Persona> persona = personas.persona(alias);
        if (persona.isEmpty()) {
            problems.add(missingPersona(
                    "identity provider alias '" + alias + "' (tenant "
                            + target.tenant().slug() + ")",
                    alias,
                    personas));
            return;
        }
        String token;
        try {
            token = tokens.accessTokenThroughBroker(routing.broker(), alias, persona.get(), "");
        } catch (TokenClient.ProviderNotOffered e) {
            skipped.put(
                    alias,
                    "the broker realm offers no identity provider '" + alias + "'; the keycloak check" + " reports it");
            return;
        } catch (TokenClient.LoginFailed e) {
            problems.add(Problem.of(
                    target.describe(),
                    "login through identity provider '" + alias + "' failed: " + e.getMessage(),
                    "Fix the persona, the identity provider or the broker realm"));
            return;
        }
        Optional<String> claimed = TokenSummary.claim(token, routing.aliasClaim());
        if (!claimed.equals(Optional.of(alias))) {
            problems.add(Problem.of(
                    target.describe() + ", " + persona.get(),
                    "the broker's token does not name the identity provider of the login in claim '"
                            + routing.aliasClaim() + "'",
                    "'" + alias + "'",
                    claimed.map(value -> "'" + value + "'").orElse("no such claim"),
                    claimed.isEmpty()
                            ? "Add a user session note mapper (note identity_provider, claim " + routing.aliasClaim()
                                    + ", access token) to the client of the broker realm, or set"
                                    + " routingKey.aliasClaim to the claim that carries the alias"
                            : "Set routingKey.aliasClaim to the claim that the broker's session note mapper (note"
                                    + " identity_provider) writes; claim " + routing.aliasClaim()
                                    + " carries something else"));
            return;
        }
        Optional<String> tenant = routing.byAlias().tenantOf(alias);
        if (tenant.isEmpty()) {
            skipped.put(alias, "alias '" + alias + "' has no single routing row; the routing check reports it");
            return;
        }
        logins.add(new PersonaLogin(
                target, persona.get(), token, tenant.get(), "identity provider alias '" + alias + "'"));
    }

    private static Problem missingPersona(String object, String key, PersonaSource personas) {
        return Problem.of(
                object,
                "no persona is configured",
                "keys " + key + ".username and " + key + ".password in " + personas.source(),
                "none",
                "Add the persona so its login can be checked");
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
            problems.add(missingPersona(target.describe(), target.realm(), personas));
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
        logins.add(new PersonaLogin(target, persona.get(), token, rows.get(0).tenantId(), "issuer " + issuer));
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
            String reasons = skipped.entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + entry.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            throw new PrerequisiteUnavailable("no persona has a token that routes to a tenant, so the platform"
                    + " cannot be probed; see 'each seeded persona lands in its routed tenant'"
                    + (reasons.isEmpty() ? "" : " (" + reasons + ")"));
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
