package dev.catalogsmoke.config;

import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;

/** Dotted configuration keys and the environment variable names derived from them. */
final class ConfigPaths {

    /** Prefix of every environment variable that overrides a configuration key. */
    static final String ENV_PREFIX = "CATALOG_SMOKE_";

    private ConfigPaths() {}

    /** Renders a Jackson reference chain as a dotted key with list indexes, such as {@code seed.tenants[2].issuer}. */
    static String fromJackson(List<JacksonException.Reference> path) {
        StringBuilder key = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!key.isEmpty()) {
                    key.append('.');
                }
                key.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                key.append('[').append(reference.getIndex()).append(']');
            }
        }
        return key.isEmpty() ? "(top level)" : key.toString();
    }

    /**
     * Derives the environment variable for a dotted key: the prefix, then each segment with camelCase words split
     * by '_' and upper-cased, so {@code waits.cnpgDatabase} becomes {@code CATALOG_SMOKE_WAITS_CNPG_DATABASE}.
     */
    static String environmentVariable(String dottedKey) {
        StringBuilder name = new StringBuilder(ENV_PREFIX);
        String[] segments = dottedKey.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                name.append('_');
            }
            name.append(segments[i].replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        }
        return name.toString();
    }
}
