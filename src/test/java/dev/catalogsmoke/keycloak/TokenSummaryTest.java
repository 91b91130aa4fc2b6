package dev.catalogsmoke.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenSummaryTest {

    static String jwt(String header, String payload, String signature) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(signature.getBytes(StandardCharsets.UTF_8));
    }

    private static final String TOKEN = jwt(
            "{\"alg\":\"RS256\",\"kid\":\"k1\"}",
            "{\"iss\":\"https://auth.example.test/realms/acme\",\"aud\":\"platform\",\"exp\":1800000000,"
                    + "\"sub\":\"secret-subject\",\"tenantId\":\"globex-id\"}",
            "signature-bytes");

    @Test
    void describeShowsOnlyAllowedParts() {
        String text = TokenSummary.of(TOKEN).describe();

        assertThat(text).contains("alg RS256", "kid k1", "iss https://auth.example.test/realms/acme", "aud platform");
        assertThat(text).contains("exp " + Instant.ofEpochSecond(1_800_000_000L));
        assertThat(text).doesNotContain("secret-subject", "globex-id", TOKEN.substring(TOKEN.lastIndexOf('.') + 1));
    }

    @Test
    void audienceListIsShownAsList() {
        String token = jwt("{\"alg\":\"RS256\"}", "{\"iss\":\"i\",\"aud\":[\"platform\",\"account\"]}", "s");

        assertThat(TokenSummary.of(token).audience()).isEqualTo("[\"platform\",\"account\"]");
    }

    @Test
    void claimReturnsValueOrEmpty() {
        assertThat(TokenSummary.claim(TOKEN, "tenantId")).contains("globex-id");
        assertThat(TokenSummary.claim(TOKEN, "organization")).isEmpty();
    }

    @Test
    void malformedTokenIsRejected() {
        assertThatThrownBy(() -> TokenSummary.of("not-a-token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 3 parts");
    }
}
