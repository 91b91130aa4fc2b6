package dev.catalogsmoke.keycloak;

import dev.catalogsmoke.config.ConfigLoader;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.engine.PrerequisiteUnavailable;
import dev.catalogsmoke.engine.Waits;
import dev.catalogsmoke.kubernetes.KubernetesAccess;
import dev.catalogsmoke.kubernetes.SecretReader;
import dev.catalogsmoke.kubernetes.SecretSnapshot;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the personas' credentials: one user per realm, under the keys {@code <realm>.username} and {@code
 * <realm>.password}. They come from the file {@code keycloak.personasFile} when it is set, else from the Secret
 * {@code keycloak.personasSecret} in the configured namespace.
 */
public final class PersonaSource {

    private final Map<String, String> values;
    private final String source;

    private PersonaSource(Map<String, String> values, String source) {
        this.values = values;
        this.source = source;
    }

    /** Loads the personas; a missing Secret or file makes every platform check skip with this reason. */
    public static PersonaSource load(SmokeConfig config, KubernetesAccess kubernetes, Waits waits) {
        SmokeConfig.Keycloak keycloak = config.keycloak();
        if (!keycloak.personasFile().isEmpty()) {
            return fromFile(Path.of(keycloak.personasFile()));
        }
        if (!kubernetes.enabled()) {
            throw new PrerequisiteUnavailable("keycloak.personasFile is empty and kubernetes.enabled is false, so no"
                    + " persona credentials can be read; set one of them");
        }
        SecretSnapshot secret = new SecretReader(
                        kubernetes, waits, config.waits().secret())
                .await(config.namespace(), keycloak.personasSecret());
        Map<String, String> values = new HashMap<>();
        for (String key : secret.keys()) {
            secret.text(key).ifPresent(text -> values.put(key, text));
        }
        return new PersonaSource(values, "Secret " + secret.ref());
    }

    static PersonaSource fromFile(Path file) {
        JsonNode tree = YAMLMapper.builder().build().readTree(ConfigLoader.readConfigFile(file));
        Map<String, String> values = new HashMap<>();
        tree.properties().forEach(realm -> realm.getValue()
                .properties()
                .forEach(field -> values.put(
                        realm.getKey() + "." + field.getKey(), field.getValue().asString())));
        return new PersonaSource(values, "file " + file);
    }

    /** Returns the persona of a realm, or empty when the source has no username and password for it. */
    public Optional<Persona> persona(String realm) {
        String username = values.get(realm + ".username");
        String password = values.get(realm + ".password");
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Persona(realm, username, password));
    }

    /** Names where the personas come from, such as {@code Secret ns/catalog-smoke-personas}. */
    public String source() {
        return source;
    }
}
