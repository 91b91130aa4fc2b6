package dev.catalogsmoke.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class LoginCookiesTest {

    private static final URI BROKER = URI.create("http://127.0.0.1:8080/realms/broker/protocol/openid-connect/auth");
    private static final URI PROVIDER = URI.create("http://127.0.0.1:8080/realms/acme/protocol/openid-connect/auth");

    @Test
    void cookieGoesOnlyBelowItsPath() {
        LoginCookies cookies = new LoginCookies();
        cookies.store(BROKER, response("AUTH_SESSION_ID=b1; Path=/realms/broker/; Secure; HttpOnly"));
        cookies.store(PROVIDER, response("AUTH_SESSION_ID=a1; Path=/realms/acme/; Secure; HttpOnly"));

        assertThat(cookies.header(URI.create("http://127.0.0.1:8080/realms/broker/broker/acme/endpoint")))
                .isEqualTo("AUTH_SESSION_ID=b1");
        assertThat(cookies.header(URI.create("http://127.0.0.1:8080/realms/acme/login-actions/authenticate")))
                .isEqualTo("AUTH_SESSION_ID=a1");
        assertThat(cookies.header(URI.create("http://127.0.0.1:8080/realms/globex/")))
                .isEmpty();
    }

    @Test
    void cookieStaysOnItsHost() {
        LoginCookies cookies = new LoginCookies();
        cookies.store(BROKER, response("KC_RESTART=r1; Path=/"));

        assertThat(cookies.header(URI.create("http://127.0.0.2:8080/realms/broker/")))
                .isEmpty();
        assertThat(cookies.header(BROKER)).isEqualTo("KC_RESTART=r1");
    }

    @Test
    void newValueReplacesOld() {
        LoginCookies cookies = new LoginCookies();
        cookies.store(BROKER, response("KC_RESTART=r1; Path=/realms/broker/"));
        cookies.store(BROKER, response("KC_RESTART=r2; Path=/realms/broker/"));

        assertThat(cookies.header(BROKER)).isEqualTo("KC_RESTART=r2");
    }

    @Test
    void expiredCookieIsRemoved() {
        LoginCookies cookies = new LoginCookies();
        cookies.store(BROKER, response("KC_RESTART=r1; Path=/realms/broker/"));
        cookies.store(BROKER, response("KC_RESTART=; Max-Age=0; Path=/realms/broker/"));

        assertThat(cookies.header(BROKER)).isEmpty();
    }

    private static HttpResponse<String> response(String... setCookies) {
        HttpHeaders headers = HttpHeaders.of(Map.of("Set-Cookie", List.of(setCookies)), (name, value) -> true);
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return 200;
            }

            @Override
            public HttpRequest request() {
                return null;
            }

            @Override
            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public String body() {
                return "";
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return BROKER;
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
