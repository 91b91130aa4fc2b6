package dev.catalogsmoke.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonaSourceTest {

    @TempDir
    Path folder;

    @Test
    void fileGivesPersonaPerRealm() throws IOException {
        Path file = folder.resolve("personas.yaml");
        Files.writeString(file, "acme:\n  username: smoke-acme\n  password: pw-acme\nglobex:\n  username: smoke\n");

        PersonaSource source = PersonaSource.fromFile(file);

        assertThat(source.persona("acme")).contains(new Persona("acme", "smoke-acme", "pw-acme"));
        assertThat(source.persona("globex")).isEmpty();
        assertThat(source.persona("initech")).isEmpty();
        assertThat(source.source()).isEqualTo("file " + file);
    }
}
