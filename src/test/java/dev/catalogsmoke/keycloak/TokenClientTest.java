package dev.catalogsmoke.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenClientTest {

    @Test
    void challengeIsBase64UrlSha256() {
        // Expected value computed apart from this code, with Python's hashlib.sha256 and base64.urlsafe_b64encode.
        assertThat(TokenClient.challenge("dBjftJeZ4CVP-mJ92IMHBDSMKYnfWdoAI0a1_K8iLD8"))
                .isEqualTo("uRi2vVvRv5UVo8KziFI79XZ7Aq32JgSYoGB2iX1cbwU");
    }

    @Test
    void personaTextLeavesOutPassword() {
        Persona persona = new Persona("acme", "user1", "hunter2-canary");

        assertThat(persona.toString()).isEqualTo("persona user1 of realm acme");
    }
}
