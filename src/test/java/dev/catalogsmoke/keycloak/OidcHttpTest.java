package dev.catalogsmoke.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogsmoke.engine.TransientException;
import dev.catalogsmoke.http.BoundedHttp;
import dev.catalogsmoke.http.LoopbackHttpServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Keycloak client keeps the limits of {@link BoundedHttp} for every method, and returns every status. */
@Timeout(30)
class OidcHttpTest {

    private static LoopbackHttpServer server;

    private final OidcHttp http = new OidcHttp(Duration.ofSeconds(1));

    @BeforeAll
    static void startServer() {
        server = new LoopbackHttpServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void getReturnsBody() {
        assertThat(http.get(server.baseUrl() + "/realms/acme", Map.of()).body()).contains("issuer");
    }

    @Test
    void serverErrorIsReturned() {
        assertThat(http.get(server.baseUrl() + "/realms/broken", Map.of()).statusCode())
                .isEqualTo(500);
    }

    @Test
    void silentServerTimesOut() {
        String url = server.baseUrl() + "/realms/silent/.well-known/openid-configuration";

        assertThatThrownBy(() -> http.get(url, Map.of()))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("GET " + url + ": no complete response within 1s");
    }

    @Test
    void silentServerTimesOutForPost() {
        String url = server.baseUrl() + "/realms/silent/protocol/openid-connect/token";

        assertThatThrownBy(() -> http.postForm(url, Map.of("grant_type", "password"), Map.of()))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("POST " + url + ": no complete response within 1s");
    }

    @Test
    void oversizedBodyIsRejected() {
        String url = server.baseUrl() + "/realms/huge/.well-known/openid-configuration";

        assertThatThrownBy(() -> http.get(url, Map.of()))
                .isInstanceOf(BoundedHttp.HttpFailure.class)
                .hasMessageContaining("GET " + url + " returned a body larger than " + BoundedHttp.MAX_BODY_BYTES)
                .hasMessageContaining("check that the URL points at Keycloak");
    }

    @Test
    void oversizedBodyIsRejectedForAdminCall() {
        String url = server.baseUrl() + "/realms/huge/users";

        assertThatThrownBy(() -> http.send("GET", url, Map.of(), null))
                .isInstanceOf(BoundedHttp.HttpFailure.class)
                .hasMessageContaining("body larger than");
    }
}
