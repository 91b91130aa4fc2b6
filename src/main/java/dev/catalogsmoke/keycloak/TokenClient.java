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
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SmokeConfig.Keycloak settings;

    public TokenClient(SmokeConfig.Keycloak settings) {
        this.settings = settings;
    }

    /** A login that did not produce a token, with the step that failed. */
    public static final class LoginFailed extends RuntimeException {
        public LoginFailed(String message) {
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

    private String authorizationCode(OidcHttp http, RealmDiscovery discovery, Persona persona, String scope) {
        String verifier = randomToken(48);
        String state = randomToken(16);
        HttpResponse<String> page = loginPage(http, discovery, persona, scope, state, challenge(verifier));

        String action = formAction(page.body(), persona);
        requireSameOrigin(discovery.authorizationEndpoint(), action, persona);
        Map<String, String> credentials = Map.of("username", persona.username(), "password", persona.password());
        HttpResponse<String> login = http.postForm(action, credentials, Map.of("Cookie", sessionCookies(page)));
        String code = codeFromRedirect(login, state, persona);

        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", settings.clientId());
        exchange.put("code", code);
        exchange.put("redirect_uri", settings.redirectUri());
        exchange.put("code_verifier", verifier);
        return tokenResponse(http.postForm(discovery.tokenEndpoint(), exchange, Map.of()), persona);
    }

    private HttpResponse<String> loginPage(
            OidcHttp http, RealmDiscovery discovery, Persona persona, String scope, String state, String challenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("response_type", "code");
        query.put("scope", scope);
        query.put("redirect_uri", settings.redirectUri());
        query.put("state", state);
        query.put("nonce", randomToken(16));
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
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

    /**
     * Returns the login session's cookies as a {@code Cookie} header. Keycloak marks them {@code Secure}, which
     * {@link java.net.CookieManager} never sends over plain HTTP, while browsers do on loopback; so the cookies of
     * the login page go back to the form's action, which {@link #requireSameOrigin} keeps on the same origin.
     */
    private static String sessionCookies(HttpResponse<String> page) {
        return page.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0].strip())
                .filter(pair -> pair.contains("="))
                .collect(java.util.stream.Collectors.joining("; "));
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
