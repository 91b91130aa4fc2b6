package dev.catalogsmoke.platformauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TamperedTokenTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJpIn0.c2lnbmF0dXJlLWJ5dGVz";

    @Test
    void brokenSignatureKeepsHeaderAndClaims() {
        String tampered = TamperedToken.withBrokenSignature(TOKEN);

        assertThat(tampered).startsWith("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJpIn0.");
        assertThat(tampered).isNotEqualTo(TOKEN);
        assertThat(tampered.length()).isEqualTo(TOKEN.length());
    }

    @Test
    void responseRejectedOnlyFor401And403() {
        assertThat(new PlatformResponse(401, null, "").rejected()).isTrue();
        assertThat(new PlatformResponse(403, null, "").rejected()).isTrue();
        assertThat(new PlatformResponse(200, "t", "").rejected()).isFalse();
        assertThat(new PlatformResponse(500, null, "").rejected()).isFalse();
    }
}
