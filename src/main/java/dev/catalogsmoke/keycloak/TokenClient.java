package dev.catalogsmoke.keycloak;

import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.config.TokenGrant;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Obtains a persona's access token from its realm as a real client would: authorization code with PKCE (S256),
 * driving Keycloak's login form without a browser, or the password grant when {@code keycloak.grant} is {@code password}.
 *
 * <p>Every failure is a {@link LoginFailed} that names the realm and persona and never contains a token or password.
 */
public final class TokenClient {

    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Redirects and pages a brokered login may pass through before the code arrives. */
    private static final int MAX_BROKER_STEPS = 12;

    private final SmokeConfig.Keycloak settings;

    public TokenClient(SmokeConfig.Keycloak settings) {
        this.settings = settings;
    }

    /** A login that did not produce a token, with the step that failed. */
    public static class LoginFailed extends RuntimeException {
        public LoginFailed(String message) {
            super(message);
        }
    }

    /** A brokered login whose identity provider the broker realm does not offer; the keycloak check reports it. */
    public static final class ProviderNotOffered extends LoginFailed {
        public ProviderNotOffered(String message) {
            super(message);
        }
    }

    /**
     * Returns an access token for the persona from the realm that {@code discovery} describes. {@code extraScope}
     * adds an optional client scope to {@code openid}, or is empty.
     */
    public String accessToken(RealmDiscovery discovery, Persona persona, String extraScope) {
        String scope = extraScope.isEmpty() ? "openid" : "openid " + extraScope;
        OidcHttp http = new OidcHttp(settings.requestTimeout());
        return settings.grant() == TokenGrant.PASSWORD
                ? passwordGrant(http, discovery, persona, scope)
                : authorizationCode(http, discovery, persona, scope);
    }

    /**
     * Returns an access token for the persona from the broker realm that {@code broker} describes, logged in through
     * its identity provider {@code alias}: the authorization request carries {@code kc_idp_hint}, the broker
     * redirects to the provider's login form, and the redirects back through the broker's first login are followed
     * until the code arrives. Credentials go only to a form on the origin of the page that served it.
     */
    public String accessTokenThroughBroker(RealmDiscovery broker, String alias, Persona persona, String extraScope) {
        String scope = extraScope.isEmpty() ? "openid" : "openid " + extraScope;
        OidcHttp http = new OidcHttp(settings.requestTimeout());
        String verifier = randomToken(48);
        String state = randomToken(16);
        Map<String, String> query = authorizationQuery(scope, state, challenge(verifier));
        query.put("kc_idp_hint", alias);

        LoginCookies cookies = new LoginCookies();
        URI url = URI.create(broker.authorizationEndpoint() + "?" + OidcHttp.formBody(query));
        HttpResponse<String> response = get(http, url, cookies);
        if (response.statusCode() == 200) {
            throw new ProviderNotOffered(persona + ": broker realm at " + broker.issuer() + " showed its own login"
                    + " page instead of redirecting to identity provider '" + alias + "'; add an enabled identity"
                    + " provider with this alias to the broker realm, or fix the routing table's alias");
        }

        boolean posted = false;
        for (int step = 0; step < MAX_BROKER_STEPS; step++) {
            int status = response.statusCode();
            if (status == 302 || status == 303) {
                String location = response.headers().firstValue("Location").orElse("");
                if (location.startsWith(settings.redirectUri())) {
                    return exchangeCode(http, broker, codeFromRedirect(response, state, persona), verifier, persona);
                }
                url = url.resolve(location);
                response = get(http, url, cookies);
            } else if (status == 200 && !posted) {
                URI action = url.resolve(formAction(response.body(), persona));
                requireSameOrigin(url.toString(), action.toString(), persona);
                Map<String, String> credentials =
                        Map.of("username", persona.username(), "password", persona.password());
                response = http.postForm(action.toString(), credentials, Map.of("Cookie", cookies.header(action)));
                cookies.store(action, response);
                url = action;
                posted = true;
                if (response.statusCode() == 200) {
                    throw failed(
                            persona,
                            "identity provider '" + alias + "' showed its login page again (wrong username or"
                                    + " password, or a required action); check the persona and its user");
                }
            } else {
                throw failed(
                        persona,
                        "the login through identity provider '" + alias + "' stopped at " + url.getRawPath()
                                + " with HTTP " + status + pageTitle(response.body()) + "; a page that needs a person"
                                + " (such as a profile review or an account link in the broker's first login flow)"
                                + " blocks a browserless login, so let the flow pass without one");
            }
        }
        throw failed(
                persona,
                "the login through identity provider '" + alias + "' did not reach " + settings.redirectUri()
                        + " within " + MAX_BROKER_STEPS + " redirects; last at " + url.getRawPath());
    }

    /**
     * Starts a login at the broker with {@code kc_idp_hint} {@code alias} and returns the response without following
     * it: a redirect to {@code /broker/<alias>/} when the broker has that enabled identity provider, its own login
     * page (HTTP 200) when it has not.
     */
    public HttpResponse<String> startBrokerLogin(RealmDiscovery broker, String alias) {
        Map<String, String> query = authorizationQuery("openid", randomToken(16), challenge(randomToken(48)));
        query.put("kc_idp_hint", alias);
        return new OidcHttp(settings.requestTimeout())
                .get(broker.authorizationEndpoint() + "?" + OidcHttp.formBody(query), Map.of());
    }

    private static HttpResponse<String> get(OidcHttp http, URI url, LoginCookies cookies) {
        String cookie = cookies.header(url);
        HttpResponse<String> response =
                http.get(url.toString(), cookie.isEmpty() ? Map.of() : Map.of("Cookie", cookie));
        cookies.store(url, response);
        return response;
    }

    private static String pageTitle(String html) {
        Matcher matcher = TITLE.matcher(html == null ? "" : html);
        return matcher.find() ? " (page '" + matcher.group(1).strip() + "')" : "";
    }

    private String authorizationCode(OidcHttp http, RealmDiscovery discovery, Persona persona, String scope) {
        String verifier = randomToken(48);
        String state = randomToken(16);
        HttpResponse<String> page = loginPage(http, discovery, persona, scope, state, challenge(verifier));

        String action = formAction(page.body(), persona);
        requireSameOrigin(discovery.authorizationEndpoint(), action, persona);
        Map<String, String> credentials = Map.of("username", persona.username(), "password", persona.password());
        LoginCookies cookies = new LoginCookies();
        cookies.store(URI.create(discovery.authorizationEndpoint()), page);
        HttpResponse<String> login =
                http.postForm(action, credentials, Map.of("Cookie", cookies.header(URI.create(action))));
        return exchangeCode(http, discovery, codeFromRedirect(login, state, persona), verifier, persona);
    }

    private String exchangeCode(
            OidcHttp http, RealmDiscovery discovery, String code, String verifier, Persona persona) {
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", settings.clientId());
        exchange.put("code", code);
        exchange.put("redirect_uri", settings.redirectUri());
        exchange.put("code_verifier", verifier);
        return tokenResponse(http.postForm(discovery.tokenEndpoint(), exchange, Map.of()), persona);
    }

    private Map<String, String> authorizationQuery(String scope, String state, String challenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("response_type", "code");
        query.put("scope", scope);
        query.put("redirect_uri", settings.redirectUri());
        query.put("state", state);
        query.put("nonce", randomToken(16));
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        return query;
    }

    private HttpResponse<String> loginPage(
            OidcHttp http, RealmDiscovery discovery, Persona persona, String scope, String state, String challenge) {
        Map<String, String> query = authorizationQuery(scope, state, challenge);
        HttpResponse<String> page =
                http.get(discovery.authorizationEndpoint() + "?" + OidcHttp.formBody(query), Map.of());
        if (page.statusCode() != 200) {
            throw failed(
                    persona,
                    "the authorization endpoint returned HTTP " + page.statusCode() + " instead of the login"
                            + " page; check that client '" + settings.clientId() + "' exists and allows redirect URI "
                            + settings.redirectUri());
        }
        return page;
    }

    private String passwordGrant(OidcHttp http, RealmDiscovery discovery, Persona persona, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", settings.clientId());
        form.put("username", persona.username());
        form.put("password", persona.password());
        form.put("scope", scope);
        return tokenResponse(http.postForm(discovery.tokenEndpoint(), form, Map.of()), persona);
    }

    private static void requireSameOrigin(String authorizationEndpoint, String action, Persona persona) {
        URI expected = URI.create(authorizationEndpoint);
        URI actual = URI.create(action);
        if (!expected.getScheme().equals(actual.getScheme())
                || !expected.getHost().equals(actual.getHost())
                || expected.getPort() != actual.getPort()) {
            throw failed(
                    persona,
                    "the login form posts to " + actual.getScheme() + "://" + actual.getAuthority()
                            + ", another origin than the authorization endpoint " + expected.getScheme() + "://"
                            + expected.getAuthority() + "; the credentials were not sent");
        }
    }

    private static String formAction(String html, Persona persona) {
        Matcher matcher = FORM_ACTION.matcher(html);
        if (!matcher.find()) {
            throw failed(
                    persona,
                    "the login page has no form; the realm's login flow may need a browser, so set"
                            + " keycloak.grant to password");
        }
        String action = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        return action.replace("&amp;", "&");
    }

    private String codeFromRedirect(HttpResponse<String> login, String state, Persona persona) {
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || !location.startsWith(settings.redirectUri())) {
            String reason = login.statusCode() == 200
                    ? "Keycloak showed the login page again (wrong username or password, or a required action"
                            + " such as a password update)"
                    : "Keycloak returned HTTP " + login.statusCode();
            throw failed(
                    persona,
                    "login did not redirect to " + settings.redirectUri() + ": " + reason
                            + "; check the persona's credentials and the user in the realm");
        }
        Map<String, String> parameters = queryParameters(URI.create(location).getRawQuery());
        if (!state.equals(parameters.get("state"))) {
            throw failed(persona, "the redirect carries another state than the request sent");
        }
        String code = parameters.get("code");
        if (code == null) {
            throw failed(persona, "the redirect has no code; error '" + parameters.get("error") + "'");
        }
        return code;
    }

    private static String tokenResponse(HttpResponse<String> response, Persona persona) {
        JsonNode body = OidcHttp.json(response.body());
        if (response.statusCode() != 200
                || body == null
                || !body.path("access_token").isString()) {
            String error = body == null
                    ? ""
                    : body.path("error").asString("") + " "
                            + body.path("error_description").asString("");
            throw failed(persona, "the token endpoint returned HTTP " + response.statusCode() + " " + error.strip());
        }
        return body.path("access_token").asString();
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(
                    java.net.URLDecoder.decode(key, StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static LoginFailed failed(Persona persona, String reason) {
        return new LoginFailed(persona + ": " + reason);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
