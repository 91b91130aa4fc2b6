package dev.catalogsmoke.checks;

import static org.junit.jupiter.api.Assumptions.abort;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.engine.PrerequisiteUnavailable;
import dev.catalogsmoke.engine.SmokeContext;
import dev.catalogsmoke.engine.TransientException;
import dev.catalogsmoke.http.BoundedHttp;
import dev.catalogsmoke.keycloak.OidcHttp;
import dev.catalogsmoke.keycloak.Persona;
import dev.catalogsmoke.keycloak.PersonaSource;
import dev.catalogsmoke.keycloak.RealmDiscovery;
import dev.catalogsmoke.keycloak.RealmTarget;
import dev.catalogsmoke.keycloak.TokenClient;
import dev.catalogsmoke.keycloak.TokenSummary;
import dev.catalogsmoke.platformauth.PersonaLogin;
import dev.catalogsmoke.platformauth.PersonaLogins;
import dev.catalogsmoke.platformauth.PlatformClient;
import dev.catalogsmoke.platformauth.PlatformResponse;
import dev.catalogsmoke.platformauth.TamperedToken;
import dev.catalogsmoke.routing.AliasRouting;
import dev.catalogsmoke.routing.RouteRow;
import dev.catalogsmoke.routing.RoutingReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;

/**
 * Issuer-first login: the platform takes the tenant from the token's issuer through the routing table, and from
 * nothing a caller controls. The instance lives for one run, so each persona logs in once for all five checks.
 *
 * <p>With routing key strategy {@code idp_alias} the routing key is the alias of the identity provider that the
 * broker realm used, which Keycloak writes into the alias claim; every contract is the same with that key.
 */
@CheckSuite
@DisplayName("platform auth")
@Tag("platform-auth")
@Order(100)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformAuthCheck {

    private static final String SECURITY = "SECURITY VIOLATION: ";

    /** Requests one login may send at most: discovery, the redirects of a brokered login, and the code exchange. */
    private static final int LOGIN_REQUESTS = 16;

    private String routingKeyName = "iss";

    private List<RealmTarget> targets;
    private Map<String, List<RouteRow>> routes;
    private AliasRouting aliases;
    private RealmDiscovery broker;
    private PersonaLogins logins;
    private PersonaSource personas;
    private String unreachable;

    @Test
    @Order(1)
    @DisplayName("each seeded persona lands in its routed tenant")
    @Verifies("Each seeded realm's persona logs in through keycloak.publicUrl (authorization code with PKCE, or the"
            + " password grant); the platform's tenant-resolution endpoint resolves its token to the tenant that the"
            + " routing table holds for the token's iss.")
    void personaLandsInRoutedTenant(SmokeContext context, TestReporter reporter) throws SQLException {
        PersonaLogins all = logins(context);
        Findings findings = new Findings();
        findings.addAll(all.problems());
        Map<String, String> evidence = new LinkedHashMap<>(all.skipped());
        for (PersonaLogin login : all.logins()) {
            PlatformResponse response = resolve(context, login.accessToken(), null);
            evidence.put(login.persona().realm(), login.summary().describe() + " -> " + response.describe());
            if (response.status() != 200 || !login.routedTenantId().equals(response.tenantId())) {
                findings.add(
                        login.target().describe() + ", " + login.persona(),
                        "platform did not resolve the routed tenant for " + login.routedBy(),
                        "HTTP 200, tenant " + tenantName(login.routedTenantId()),
                        response.describe(),
                        "Check the platform's routing lookup for this exact key");
            }
        }
        reporter.publishEntry(evidence);
        if (all.logins().isEmpty() && findings.isEmpty()) {
            abort("no seeded realm could be checked: " + all.skipped());
        }
        findings.assertNone("platform tenant resolution");
    }

    @Test
    @Order(2)
    @DisplayName("a conflicting tenantId claim changes nothing")
    @Verifies("A valid token that also carries the tenant claim (platformAuth.tenantClaim) naming another tenant,"
            + " issued by Keycloak for the scope platformAuth.conflictingClaimScope, still resolves to the tenant routed"
            + " from its iss. A resolution to the claimed tenant is a security violation.")
    void conflictingTenantClaimIsIgnored(SmokeContext context, TestReporter reporter) throws SQLException {
        SmokeConfig.PlatformAuth settings = context.config().platformAuth();
        PersonaLogins all = logins(context);
        all.first();
        if (settings.conflictingClaimScope().isEmpty()) {
            abort("platformAuth.conflictingClaimScope is empty, so Keycloak is not asked for a conflicting claim");
        }
        // A hardcoded claim names one tenant, so of two personas of different tenants, one gets a claim naming another.
        PersonaLogin login = null;
        String token = null;
        Optional<String> claimed = Optional.empty();
        for (PersonaLogin candidate :
                all.logins().subList(0, Math.min(2, all.logins().size()))) {
            login = candidate;
            token = token(
                    context,
                    candidate.target().tenant().alias(),
                    candidate.persona(),
                    settings.conflictingClaimScope());
            claimed = TokenSummary.claim(token, settings.tenantClaim());
            if (claimed.isEmpty() || !claimed.get().equals(candidate.routedTenantId())) {
                break;
            }
        }
        reporter.publishEntry(
                Map.of("token", TokenSummary.of(token).describe(), settings.tenantClaim(), claimed.orElse("(absent)")));
        if (claimed.isEmpty()) {
            throw new AssertionError(login.target().describe() + ": Keycloak added no '" + settings.tenantClaim()
                    + "' claim for scope '" + settings.conflictingClaimScope() + "', so the contract cannot be"
                    + " probed. Add a client scope with a hardcoded claim mapper to client '"
                    + context.config().keycloak().clientId() + "', or clear platformAuth.conflictingClaimScope");
        }
        if (claimed.get().equals(login.routedTenantId())) {
            throw new AssertionError(login.target().describe() + ": the '" + settings.tenantClaim() + "' claim of"
                    + " scope '" + settings.conflictingClaimScope() + "' names the persona's own tenant "
                    + tenantName(claimed.get()) + ", and no persona of another tenant logged in, so the contract"
                    + " cannot be probed. Make the scope's claim name another tenant, or add a persona");
        }
        PlatformResponse response = resolve(context, token, null);
        reporter.publishEntry(Map.of("platform", response.describe()));
        expectRoutedTenant(login, response, claimed.get(), "the '" + settings.tenantClaim() + "' claim of the token");
    }

    @Test
    @Order(3)
    @DisplayName("a tenant header naming another tenant changes nothing")
    @Verifies("A valid token sent with the header platformAuth.tenantHeader naming another seeded tenant still"
            + " resolves to the tenant routed from its iss. A resolution to the header's tenant is a security"
            + " violation.")
    void tenantHeaderIsIgnored(SmokeContext context, TestReporter reporter) throws SQLException {
        PersonaLogin login = logins(context).first();
        String other = logins.otherTenant(login, targets);
        PlatformResponse response = resolve(context, login.accessToken(), other);
        String header = context.config().platformAuth().tenantHeader();
        reporter.publishEntry(
                Map.of("token", login.summary().describe(), header, other, "platform", response.describe()));
        expectRoutedTenant(login, response, other, "the request header " + header);
    }

    @Test
    @Order(4)
    @DisplayName("a token from an issuer without a routing row is rejected")
    @Verifies("A correctly signed token from platformAuth.unroutedRealm, whose issuer has no routing row, is rejected"
            + " with 401 or 403. Any tenant given to it, such as a default one, is a security violation.")
    void unknownIssuerIsRejected(SmokeContext context, TestReporter reporter) throws SQLException {
        SmokeConfig config = requirePlatform(context);
        String realm = config.platformAuth().unroutedRealm();
        if (realm.isEmpty()) {
            abort("platformAuth.unroutedRealm is empty, so there is no realm without a routing row to log in to");
        }
        logins(context);
        Persona persona = personas.persona(realm)
                .orElseThrow(() -> new AssertionError(
                        "realm " + realm + " (platformAuth.unroutedRealm): no persona is" + " configured; add " + realm
                                + ".username and " + realm + ".password to " + personas.source()));
        if (config.routingKey().byAlias()) {
            unknownAliasIsRejected(context, realm, persona, reporter);
            return;
        }
        RealmDiscovery discovery = discovery(context, realm);
        if (routes.containsKey(discovery.issuer())) {
            throw new AssertionError("realm " + realm + " (platformAuth.unroutedRealm): issuer " + discovery.issuer()
                    + " has a routing row, so it cannot prove that unknown issuers are rejected; name a realm that"
                    + " routes nowhere");
        }
        String token = new TokenClient(config.keycloak()).accessToken(discovery, persona, "");
        PlatformResponse response = resolve(context, token, null);
        reporter.publishEntry(Map.of("token", TokenSummary.of(token).describe(), "platform", response.describe()));
        expectRejected(
                response,
                "realm " + realm + ", " + persona + ": token from issuer " + discovery.issuer()
                        + ", which has no routing row",
                "Reject tokens whose issuer has no routing row; never fall back to a default tenant");
    }

    private void unknownAliasIsRejected(SmokeContext context, String alias, Persona persona, TestReporter reporter) {
        if (aliases.routes(alias)) {
            throw new AssertionError("identity provider alias '" + alias + "' (platformAuth.unroutedRealm) has a"
                    + " routing row, so it cannot prove that unknown aliases are rejected; name an identity provider"
                    + " of the broker realm that routes nowhere");
        }
        String token = token(context, alias, persona, "");
        PlatformResponse response = resolve(context, token, null);
        reporter.publishEntry(Map.of("token", TokenSummary.of(token).describe(), "platform", response.describe()));
        expectRejected(
                response,
                "identity provider alias '" + alias + "', " + persona + ": token of the broker realm for an alias"
                        + " that has no routing row",
                "Reject tokens whose alias has no routing row; never fall back to a default tenant");
    }

    @Test
    @Order(5)
    @DisplayName("a token with a broken signature is rejected")
    @Verifies("A routed persona's token with one byte of its signature changed is rejected with 401 or 403, so the"
            + " platform verifies signatures against the realm's JWKS.")
    void brokenSignatureIsRejected(SmokeContext context, TestReporter reporter) throws SQLException {
        PersonaLogin login = logins(context).first();
        String tampered = TamperedToken.withBrokenSignature(login.accessToken());
        PlatformResponse response = resolve(context, tampered, null);
        reporter.publishEntry(
                Map.of("token", login.summary().describe() + ", signature altered", "platform", response.describe()));
        expectRejected(
                response,
                login.target().describe() + ", " + login.persona() + ": token whose signature does not verify",
                "Verify every token's signature against the JWKS of its issuer before reading any claim");
    }

    private void expectRoutedTenant(PersonaLogin login, PlatformResponse response, String forged, String source) {
        String object = login.target().describe() + ", " + login.persona();
        String routed = tenantName(login.routedTenantId());
        if (forged.equals(response.tenantId())) {
            throw new AssertionError(SECURITY + object + ": platform resolved tenant " + tenantName(forged) + " from "
                    + source + " instead of tenant " + routed + " routed from " + login.routedBy()
                    + "; expected tenant " + login.routedTenantId() + ", actual " + response.describe()
                    + ". Resolve the tenant from the token's " + routingKeyName + " only; ignore " + source);
        }
        if (response.status() != 200 || !login.routedTenantId().equals(response.tenantId())) {
            throw new AssertionError(object + ": with " + source + " naming tenant " + tenantName(forged)
                    + " the platform responded differently than to the plain token; expected HTTP 200, tenant "
                    + routed + ", actual " + response.describe() + ". " + source + " must change nothing");
        }
    }

    private void expectRejected(PlatformResponse response, String object, String next) {
        if (response.rejected()) {
            return;
        }
        String prefix = response.status() / 100 == 2 ? SECURITY : "";
        String granted = response.tenantId() == null ? "" : " and gave it tenant " + tenantName(response.tenantId());
        throw new AssertionError(prefix + object + ": platform accepted it" + granted + "; expected HTTP 401 or 403,"
                + " actual " + response.describe() + ". " + next);
    }

    /** Returns a tenant id with its seeded slug, such as {@code globex (0c9b...)}, for a message. */
    private String tenantName(String tenantId) {
        return targets.stream()
                .filter(target -> target.tenant().id().equals(tenantId))
                .map(target -> target.tenant().slug() + " (" + tenantId + ")")
                .findFirst()
                .orElse(tenantId);
    }

    private SmokeConfig requirePlatform(SmokeContext context) {
        SmokeConfig config = context.config();
        if (!config.platformAuth().enabled()) {
            abort("platformAuth.enabled is false (as with 'catalog-smoke sandbox --no-keycloak'), so the platform is"
                    + " not probed");
        }
        return KeycloakRealmCheck.requireKeycloak(context);
    }

    private PersonaLogins logins(SmokeContext context) throws SQLException {
        SmokeConfig config = requirePlatform(context);
        if (logins == null) {
            targets = KeycloakRealmCheck.realmTargets(context);
            SmokeConfig.RoutingKey routingKey = config.routingKey();
            try (Connection tenancy = context.sessions().open(Catalog.TENANCY)) {
                routes = RoutingReader.routes(tenancy, config.model().tenancy());
                if (routingKey.byAlias()) {
                    List<String> keys = new ArrayList<>(targets.stream()
                            .map(target -> target.tenant().alias())
                            .toList());
                    keys.add(config.platformAuth().unroutedRealm());
                    aliases = aliasRouting(tenancy, config, keys);
                }
            }
            personas = PersonaSource.load(config, context.kubernetes(), context.waits());
            OidcHttp http = new OidcHttp(config.keycloak().requestTimeout());
            PersonaLogins.Routing routing = PersonaLogins.Routing.byIssuer(routes);
            if (routingKey.byAlias()) {
                routingKeyName = "'" + routingKey.aliasClaim() + "' claim set by the broker realm";
                broker = discovery(context, routingKey.brokerRealm());
                routing = PersonaLogins.Routing.byAlias(aliases, broker, routingKey.aliasClaim());
            }
            logins = PersonaLogins.logIn(
                    targets,
                    personas,
                    new TokenClient(config.keycloak()),
                    http,
                    config.keycloak().publicUrl(),
                    routing,
                    config.keycloak().concurrency(),
                    config.keycloak().requestTimeout().multipliedBy(LOGIN_REQUESTS));
        }
        return logins;
    }

    private static AliasRouting aliasRouting(Connection tenancy, SmokeConfig config, List<String> aliases)
            throws SQLException {
        try {
            return new AliasRouting(
                    RoutingReader.aliasRoutes(tenancy, config.model().tenancy(), aliases, List.of()),
                    config.model().tenancy().routing().idpAlias().toString());
        } catch (SQLException e) {
            if (AliasRouting.missingColumn(e)) {
                throw new PrerequisiteUnavailable(
                        AliasRouting.missingColumnMessage(config.model().tenancy()) + "; the routing check reports it",
                        e);
            }
            throw e;
        }
    }

    /**
     * Logs the persona in again for a token with {@code extraScope}: through the broker with {@code alias} under
     * strategy idp_alias, else from its own realm.
     */
    private String token(SmokeContext context, String alias, Persona persona, String extraScope) {
        SmokeConfig config = context.config();
        TokenClient tokens = new TokenClient(config.keycloak());
        if (config.routingKey().byAlias()) {
            try {
                return tokens.accessTokenThroughBroker(broker, alias, persona, extraScope);
            } catch (TokenClient.LoginFailed e) {
                throw new AssertionError("identity provider alias '" + alias + "': " + e.getMessage(), e);
            }
        }
        return tokens.accessToken(discovery(context, persona.realm()), persona, extraScope);
    }

    private static RealmDiscovery discovery(SmokeContext context, String realm) {
        SmokeConfig.Keycloak keycloak = context.config().keycloak();
        RealmDiscovery discovery =
                RealmDiscovery.fetch(new OidcHttp(keycloak.requestTimeout()), keycloak.publicUrl(), realm);
        if (!discovery.served()) {
            throw new PrerequisiteUnavailable("realm " + realm + " is not served (HTTP " + discovery.status() + " at "
                    + discovery.discoveryUrl() + ")");
        }
        return discovery;
    }

    /**
     * Sends one tenant-resolution request. When the platform cannot be reached, the first check that tries fails
     * with the reason, and the later ones are skipped with a pointer to it, so one outage is one failure.
     */
    private PlatformResponse resolve(SmokeContext context, String accessToken, String tenantHeader) {
        String endpoint = context.config().platformAuth().endpoint();
        if (unreachable != null) {
            throw new PrerequisiteUnavailable("the platform endpoint " + endpoint + " could not be reached ("
                    + unreachable + "); an earlier platform check reports it");
        }
        PlatformClient platform = new PlatformClient(
                context.config().platformAuth(),
                new OidcHttp(context.config().keycloak().requestTimeout()));
        try {
            return platform.resolve(accessToken, tenantHeader);
        } catch (TransientException | BoundedHttp.HttpFailure e) {
            unreachable = e.getMessage();
            throw new AssertionError(
                    "platform endpoint " + endpoint + " (platformAuth.endpoint): " + e.getMessage(), e);
        }
    }
}
