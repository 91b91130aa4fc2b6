package dev.catalogsmoke.postgres;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.ConfigException;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.engine.PrerequisiteUnavailable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Credentials for laptops and CI outside a cluster: a local YAML file or environment variables.
 *
 * <p>The file contains {@code identity.username}, {@code identity.password} and the same for {@code tenancy} and, during
 * a cutover, {@code legacy}. The variables are {@code CATALOG_SMOKE_CREDENTIALS_IDENTITY_USERNAME}, {@code
 * ..._PASSWORD} and the same for {@code TENANCY} and {@code LEGACY}. The CA, when TLS verification needs one, comes from {@code postgres.tls.caFile}.
 */
public final class LocalCredentials implements CredentialsProvider {

    /** Key of the legacy database's credentials, read during a cutover. */
    private static final String LEGACY = "legacy";

    private static final List<String> OWNERS = List.of(Catalog.IDENTITY.key(), Catalog.TENANCY.key(), LEGACY);

    private final String description;
    private final Map<String, String> values;
    private final String caFile;

    private LocalCredentials(String description, Map<String, String> values, String caFile) {
        this.description = description;
        this.values = values;
        this.caFile = caFile;
    }

    public static LocalCredentials fromFile(SmokeConfig config) {
        Path file = Path.of(config.credentials().file());
        JsonNode tree;
        try {
            tree = new YAMLMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("credentials.file " + file + ": cannot read the credentials file ("
                    + e.getClass().getSimpleName() + "); create it or fix the path");
        } catch (JacksonException e) {
            throw new ConfigException("credentials.file " + file + ": invalid YAML; expected identity.username,"
                    + " identity.password, tenancy.username and tenancy.password");
        }
        Map<String, String> values = new java.util.HashMap<>();
        for (String owner : OWNERS) {
            for (String field : new String[] {"username", "password"}) {
                JsonNode node = tree == null ? null : tree.path(owner).get(field);
                if (node != null && !node.isValueNode()) {
                    throw new ConfigException("credentials.file " + file + ": key '" + owner + "." + field
                            + "': expected a text value, found " + (node.isArray() ? "a list" : "a mapping"));
                }
                if (node != null && !node.isNull()) {
                    values.put(owner + "." + field, node.asString());
                }
            }
        }
        return new LocalCredentials(
                "file " + file, values, config.postgres().tls().caFile());
    }

    public static LocalCredentials fromEnvironment(SmokeConfig config, Map<String, String> environment) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String owner : OWNERS) {
            for (String field : new String[] {"username", "password"}) {
                String value = environment.get(variable(owner, field));
                if (value != null) {
                    values.put(owner + "." + field, value);
                }
            }
        }
        return new LocalCredentials(
                "environment variables CATALOG_SMOKE_CREDENTIALS_*",
                values,
                config.postgres().tls().caFile());
    }

    static String variable(Catalog catalog, String field) {
        return variable(catalog.key(), field);
    }

    static String variable(String owner, String field) {
        return "CATALOG_SMOKE_CREDENTIALS_" + owner.toUpperCase(Locale.ROOT) + "_" + field.toUpperCase(Locale.ROOT);
    }

    @Override
    public DbCredentials credentials(Catalog catalog) {
        String username = values.get(catalog.key() + ".username");
        String password = values.get(catalog.key() + ".password");
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            throw new PrerequisiteUnavailable("no credentials for the " + catalog + " catalog in " + description
                    + ": expected a non-empty " + catalog.key() + ".username and " + catalog.key() + ".password ("
                    + variable(catalog, "username") + " and " + variable(catalog, "password") + ")");
        }
        return new DbCredentials(username, password, description);
    }

    @Override
    public DbCredentials legacyCredentials() {
        String username = values.get(LEGACY + ".username");
        String password = values.get(LEGACY + ".password");
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            throw new PrerequisiteUnavailable("no credentials for the legacy database in " + description
                    + ": expected a non-empty legacy.username and legacy.password (" + variable(LEGACY, "username")
                    + " and " + variable(LEGACY, "password") + ")");
        }
        return new DbCredentials(username, password, description);
    }

    @Override
    public Optional<String> caCertificate() {
        if (caFile == null || caFile.isEmpty()) {
            throw new TlsMaterialMissing("postgres.tls.mode is verify-full but postgres.tls.caFile is not set;"
                    + " point it at the cluster's CA certificate (key ca.crt of its CA Secret)");
        }
        return readCaFile(caFile);
    }

    /** Reads a CA certificate file named by {@code postgres.tls.caFile}. */
    public static Optional<String> readCaFile(String caFile) {
        try {
            return Optional.of(Files.readString(Path.of(caFile)));
        } catch (IOException e) {
            throw new TlsMaterialMissing("postgres.tls.caFile " + caFile + " cannot be read ("
                    + e.getClass().getSimpleName() + "); mount the cluster's CA certificate (key ca.crt) there");
        }
    }

    @Override
    public String describe() {
        return description;
    }
}
