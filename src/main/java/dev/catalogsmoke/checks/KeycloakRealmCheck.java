package dev.catalogsmoke.checks;

import static org.junit.jupiter.api.Assumptions.abort;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import dev.catalogsmoke.engine.SmokeContext;
import dev.catalogsmoke.engine.Waits.Probe;
import dev.catalogsmoke.keycloak.KeycloakAdmin;
import dev.catalogsmoke.keycloak.LinkedSubjects;
import dev.catalogsmoke.keycloak.OidcHttp;
import dev.catalogsmoke.keycloak.RealmDiscovery;
import dev.catalogsmoke.keycloak.RealmTarget;
import dev.catalogsmoke.keycloak.TokenClient;
import dev.catalogsmoke.kubernetes.RealmImportReader;
import dev.catalogsmoke.kubernetes.RealmImportStatus;
import dev.catalogsmoke.kubernetes.SecretReader;
import dev.catalogsmoke.kubernetes.SecretSnapshot;
import dev.catalogsmoke.routing.IssuerDifference;
import dev.catalogsmoke.routing.RoutingReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

@CheckSuite
@DisplayName("keycloak")
@Tag("keycloak")
@Order(90)
class KeycloakRealmCheck {

    private static final Logger log = LoggerFactory.getLogger(KeycloakRealmCheck.class);

    private static final String EXACT = "Issuers are compared byte for byte, as OpenID Connect requires: make the"
            + " routing row and Keycloak's issuer the same string";

    @Test
    @Order(1)
    @DisplayName("every seeded realm is served with the issuer its routing row holds")
    @Verifies("Through keycloak.publicUrl, each seeded realm's discovery document answers 200 (waiting out connection"
            + " errors and 5xx within keycloak.realmBudget, but not a 404); its issuer is byte-equal to the routing"
            + " row's issuer for the realm's tenant (the seeded issuer with routingKey.strategy idp_alias), with a near"
            + " miss named; its JWKS has at least one signing key.")
    void everySeededRealmIsServed(SmokeContext context, TestReporter reporter) throws SQLException {
        SmokeConfig config = requireKeycloak(context);
        OidcHttp http = new OidcHttp(config.keycloak().requestTimeout());
        Findings findings = new Findings();
        Map<String, String> evidence = new LinkedHashMap<>();
        Map<String, RealmImportStatus> imports = importsByRealm(context);
        RealmFanOut fanOut = new RealmFanOut(
                config.keycloak(),
                "realm discovery",
                "check that keycloak.publicUrl points at Keycloak and that Keycloak serves the realm");
        Map<RealmTarget, RealmDiscovery> served = fanOut.run(
                realmTargets(context),
                target -> awaitDiscovery(context, http, config.keycloak().publicUrl(), target.realm()),
                findings);
        served.forEach((target, discovery) -> {
            evidence.put(
                    target.realm(),
                    discovery.served()
                            ? discovery.issuer() + " (" + discovery.signingKeys() + " signing keys)"
                            : "HTTP " + discovery.status());
            judgeRealm(findings, target, discovery, imports.get(target.realm()));
        });
        reporter.publishEntry(evidence);
        fanOut.assertNone(findings, "Keycloak realms at " + config.keycloak().publicUrl());
    }

    @Test
    @Order(2)
    @DisplayName("each realm's issuer is the same through the public and the in-cluster URL")
    @Verifies("When keycloak.internalUrl is set, each seeded realm's discovery document fetched through it advertises"
            + " the same issuer as through keycloak.publicUrl; a different one means Keycloak's hostname is not"
            + " pinned, so the issuer follows the path a request took.")
    void issuerDoesNotDependOnPath(SmokeContext context, TestReporter reporter) throws SQLException {
        SmokeConfig config = requireKeycloak(context);
        String internalUrl = config.keycloak().internalUrl();
        if (internalUrl.isEmpty()) {
            abort("keycloak.internalUrl is empty, so there is no second URL to compare the issuers with");
        }
        OidcHttp http = new OidcHttp(config.keycloak().requestTimeout());
        Findings findings = new Findings();
        Map<String, String> evidence = new LinkedHashMap<>();
        RealmFanOut fanOut = new RealmFanOut(
                config.keycloak(),
                "discovery through both URLs",
                "check that keycloak.publicUrl and keycloak.internalUrl both reach Keycloak");
        Map<RealmTarget, List<RealmDiscovery>> views = fanOut.run(
                realmTargets(context),
                target -> List.of(
                        RealmDiscovery.fetchDocument(http, config.keycloak().publicUrl(), target.realm()),
                        RealmDiscovery.fetchDocument(http, internalUrl, target.realm())),
                findings);
        views.forEach((target, pair) -> {
            RealmDiscovery publicView = pair.get(0);
            RealmDiscovery internalView = pair.get(1);
            if (!publicView.served() || !internalView.served()) {
                evidence.put(target.realm(), "not served; the realm check reports it");
                return;
            }
            evidence.put(target.realm(), publicView.issuer() + " | " + internalView.issuer());
            if (!publicView.issuer().equals(internalView.issuer())) {
                judgePinnedHostname(findings, target, publicView, internalView, config.keycloak());
            }
        });
        reporter.publishEntry(evidence);
        fanOut.assertNone(findings, "Keycloak issuers through " + internalUrl);
    }

    private static void judgePinnedHostname(
            Findings findings,
            RealmTarget target,
            RealmDiscovery publicView,
            RealmDiscovery internalView,
            SmokeConfig.Keycloak settings) {
        findings.add(
                target.describe(),
                "Keycloak's hostname is not pinned: the issuer follows the URL a request took; through "
                        + settings.internalUrl() + " it differs by "
                        + IssuerDifference.describe(publicView.issuer(), internalView.issuer()),
                "'" + publicView.issuer() + "' (through " + settings.publicUrl() + ")",
                "'" + internalView.issuer() + "' (through " + settings.internalUrl() + ")",
                "Pin the hostname to the public URL (Keycloak option hostname, or the realm's Frontend URL),"
                        + " so every token carries the issuer the routing table holds");
    }

    private static void judgeRealm(
            Findings findings, RealmTarget target, RealmDiscovery served, RealmImportStatus realmImport) {
        if (!served.served()) {
            String status = realmImport == null
                    ? ""
                    : ", although KeycloakRealmImport " + realmImport.ref() + " reports " + realmImport.describe();
            findings.add(
                    target.describe(),
                    "discovery document is not served at " + served.discoveryUrl() + status,
                    "HTTP 200",
                    "HTTP " + served.status(),
                    "Import the realm (check the KeycloakRealmImport or the import files); a status that says Done"
                            + " does not count while Keycloak does not serve the realm");
            return;
        }
        if (!target.expectedIssuer().equals(served.issuer())) {
            findings.add(
                    target.describe(),
                    "issuer Keycloak advertises differs from the " + target.issuerSource() + " issuer by "
                            + IssuerDifference.describe(target.expectedIssuer(), served.issuer()),
                    "'" + target.expectedIssuer() + "'",
                    "'" + served.issuer() + "'",
                    EXACT);
        }
        if (served.signingKeys() == 0) {
            findings.add(
                    target.describe(),
                    "JWKS at " + served.jwksUri() + " has no signing key",
                    "at least 1 key with use 'sig'",
                    "0",
                    "Add an active RS256 key provider to the realm; without one no token can be verified");
        }
    }

    @Test
    @Order(3)
    @DisplayName("every KeycloakRealmImport reports Done without errors")
    @Verifies("Where the API server serves KeycloakRealmImport (k8s.keycloak.org/v2alpha1), every import in the"
            + " namespace reports the condition Done true and HasErrors not true (types and statuses compared without"
            + " letter case), waiting out a HasErrors that clears within keycloak.realmBudget. Whether the realm is"
            + " served is judged by the first check, never by this status.")
    void realmImportsSucceeded(SmokeContext context, TestReporter reporter) {
        SmokeConfig config = requireKeycloak(context);
        RealmImportReader reader = realmImports(context);
        if (!reader.served()) {
            abort("the API server does not serve keycloakrealmimports.k8s.keycloak.org (or kubernetes.enabled is"
                    + " false), so realms are imported another way and only what Keycloak serves is judged");
        }
        List<RealmImportStatus> imports = reader.awaitSucceeded(config.namespace());
        Map<String, String> evidence = new LinkedHashMap<>();
        imports.forEach(status -> evidence.put(status.ref(), "realm " + status.realm() + ": " + status.describe()));
        reporter.publishEntry(evidence.isEmpty() ? Map.of("imports", "none in " + config.namespace()) : evidence);
    }

    @Test
    @Order(4)
    @DisplayName("each realm has the smoke client and every user the identity catalog links to it")
    @Verifies("With admin credentials from the Secret keycloak.adminSecret, each served seeded realm has the client"
            + " keycloak.clientId, enabled and set up for keycloak.grant (standard flow, PKCE S256 and the redirect"
            + " URI, or direct access grants), and a user for every subject that the identity catalog links to the"
            + " realm's issuer, compared set-wise.")
    void realmHasClientAndLinkedUsers(SmokeContext context, TestReporter reporter) throws SQLException {
        SmokeConfig config = requireKeycloak(context);
        KeycloakAdmin admin = adminLogin(context);
        OidcHttp http = new OidcHttp(config.keycloak().requestTimeout());
        Findings findings = new Findings();
        Map<String, String> evidence = new LinkedHashMap<>();
        RealmFanOut fanOut = new RealmFanOut(
                config.keycloak(),
                "admin API read",
                "check that Keycloak answers on keycloak.publicUrl and that the admin can view realms, clients and"
                        + " users");
        Map<RealmTarget, AdminView> views = fanOut.run(
                realmTargets(context), target -> AdminView.read(http, admin, config.keycloak(), target), findings);
        try (Connection identity = context.sessions().open(Catalog.IDENTITY)) {
            for (Map.Entry<RealmTarget, AdminView> entry : views.entrySet()) {
                RealmTarget target = entry.getKey();
                AdminView view = entry.getValue();
                if (!view.served()) {
                    evidence.put(target.realm(), "not served; the first check reports it");
                    continue;
                }
                Set<String> linked = LinkedSubjects.of(identity, config.model().identity(), target.expectedIssuer());
                evidence.put(target.realm(), view.userIds().size() + " users, " + linked.size() + " linked subjects");
                RealmContents.judgeClient(findings, target, view.client(), config.keycloak());
                RealmContents.judgeUsers(findings, target, linked, view.userIds());
            }
        }
        reporter.publishEntry(evidence);
        fanOut.assertNone(findings, "Keycloak realm contents");
    }

    /** One realm as the admin API shows it; {@code client} is null when the realm has no smoke client. */
    private record AdminView(boolean served, JsonNode client, Set<String> userIds) {

        static AdminView read(OidcHttp http, KeycloakAdmin admin, SmokeConfig.Keycloak settings, RealmTarget target) {
            if (!RealmDiscovery.fetchDocument(http, settings.publicUrl(), target.realm())
                    .served()) {
                return new AdminView(false, null, Set.of());
            }
            return new AdminView(
                    true, admin.client(target.realm(), settings.clientId()), admin.userIds(target.realm()));
        }
    }

    private static KeycloakAdmin adminLogin(SmokeContext context) {
        SmokeConfig config = context.config();
        String secretName = config.keycloak().adminSecret();
        if (secretName.isEmpty() || !context.kubernetes().enabled()) {
            abort("keycloak.adminSecret is empty (or kubernetes.enabled is false), so the realms' clients and users"
                    + " are not read through the admin API");
        }
        SecretSnapshot secret = new SecretReader(
                        context.kubernetes(), context.waits(), config.waits().secret())
                .await(config.namespace(), secretName);
        String username = secret.text("username").orElse("");
        String password = secret.text("password").orElse("");
        if (username.isEmpty() || password.isEmpty()) {
            throw new AssertionError("Secret " + secret.ref() + " (keycloak.adminSecret): keys 'username' and"
                    + " 'password' must be non-empty text; keys present: " + secret.keys());
        }
        return KeycloakAdmin.logIn(
                new OidcHttp(config.keycloak().requestTimeout()),
                config.keycloak().publicUrl(),
                username,
                password);
    }

    @Test
    @Order(5)
    @DisplayName("the broker realm has an identity provider for each seeded alias")
    @Verifies("With routingKey.strategy idp_alias: the realm routingKey.brokerRealm is served through"
            + " keycloak.publicUrl with a signing key, and a login started there with kc_idp_hint set to a seeded"
            + " tenant's alias redirects to that identity provider. Skipped with strategy issuer.")
    void brokerHasIdentityProviderPerAlias(SmokeContext context, TestReporter reporter) {
        SmokeConfig config = requireKeycloak(context);
        if (!config.routingKey().byAlias()) {
            abort("routingKey.strategy is issuer, so no broker realm is used");
        }
        String brokerRealm = config.routingKey().brokerRealm();
        OidcHttp http = new OidcHttp(config.keycloak().requestTimeout());
        RealmDiscovery broker = awaitDiscovery(context, http, config.keycloak().publicUrl(), brokerRealm);
        if (!broker.served() || broker.signingKeys() == 0) {
            throw new AssertionError("broker realm " + brokerRealm + " (routingKey.brokerRealm): expected a discovery"
                    + " document with HTTP 200 and a signing key at " + broker.discoveryUrl() + ", actual HTTP "
                    + broker.status() + (broker.served() ? ", no signing key" : "")
                    + "; import the broker realm, or fix routingKey.brokerRealm");
        }

        TokenClient tokens = new TokenClient(config.keycloak());
        Findings findings = new Findings();
        Map<String, String> evidence = new LinkedHashMap<>();
        for (SeedTenant tenant : config.seed().tenants()) {
            String alias = tenant.alias();
            HttpResponse<String> response = tokens.startBrokerLogin(broker, alias);
            String location = response.headers().firstValue("Location").orElse("");
            boolean redirected = (response.statusCode() == 302 || response.statusCode() == 303)
                    && location.contains("/broker/" + OidcHttp.encode(alias) + "/");
            evidence.put(alias, "HTTP " + response.statusCode() + (redirected ? " to the identity provider" : ""));
            if (!redirected) {
                findings.add(
                        "broker realm " + brokerRealm + ", identity provider alias '" + alias + "' (seeded tenant "
                                + tenant.slug() + ")",
                        "a login with kc_idp_hint '" + alias + "' does not go to that identity provider",
                        "a redirect to " + "/realms/" + brokerRealm + "/broker/" + alias + "/login",
                        "HTTP " + response.statusCode()
                                + (response.statusCode() == 200 ? " (the broker's own login page)" : ""),
                        "Add an enabled identity provider with exactly this alias to the broker realm, or fix the"
                                + " tenant's alias in the routing table and the seed");
            }
        }
        reporter.publishEntry(evidence);
        findings.assertNone(
                "broker realm " + brokerRealm + " at " + config.keycloak().publicUrl());
    }

    /** Returns the imports by realm, only to quote their status next to a realm that is not served. */
    private static Map<String, RealmImportStatus> importsByRealm(SmokeContext context) {
        RealmImportReader reader = realmImports(context);
        Map<String, RealmImportStatus> byRealm = new HashMap<>();
        try {
            if (reader.servedNow()) {
                reader.list(context.config().namespace()).forEach(status -> byRealm.put(status.realm(), status));
            }
        } catch (RuntimeException e) {
            log.warn("reading KeycloakRealmImports failed, so failures will not quote them: {}", e.getMessage());
        }
        return byRealm;
    }

    private static RealmImportReader realmImports(SmokeContext context) {
        return new RealmImportReader(
                context.kubernetes(),
                context.waits(),
                context.config().keycloak().realmBudget());
    }

    private static RealmDiscovery awaitDiscovery(SmokeContext context, OidcHttp http, String baseUrl, String realm) {
        return context.waits()
                .until(
                        "Keycloak realm " + realm + " at " + baseUrl,
                        context.config().keycloak().realmBudget(),
                        "check that Keycloak runs and is reachable at keycloak.publicUrl, or raise keycloak.realmBudget",
                        () -> Probe.ready(RealmDiscovery.fetch(http, baseUrl, realm)));
    }

    /** Returns the configuration when the Keycloak checks apply, and skips the check when they do not. */
    static SmokeConfig requireKeycloak(SmokeContext context) {
        SmokeConfig config = context.config();
        if (!config.keycloak().enabled()) {
            abort("keycloak.enabled is false (as with 'catalog-smoke sandbox --no-keycloak'), so no realm is checked");
        }
        if (config.seed().tenants().isEmpty()) {
            abort("seed.tenants is empty, so there is no seeded realm to check");
        }
        return config;
    }

    /**
     * Pairs every seeded tenant with the issuer its realm must advertise: the routing row's, read from the routing
     * table, or the seeded one when tenants are routed by identity provider alias.
     */
    static List<RealmTarget> realmTargets(SmokeContext context) throws SQLException {
        if (context.config().routingKey().byAlias()) {
            return RealmTarget.ofSeed(context.config().seed().tenants());
        }
        try (Connection tenancy = context.sessions().open(Catalog.TENANCY)) {
            return RealmTarget.of(
                    context.config().seed().tenants(),
                    RoutingReader.routes(tenancy, context.config().model().tenancy()));
        }
    }
}
