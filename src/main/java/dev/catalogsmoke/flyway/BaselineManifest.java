package dev.catalogsmoke.flyway;

import dev.catalogsmoke.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The migrations a release expects in one database's Flyway history, read from a YAML file.
 *
 * <p>A location starting with {@code classpath:} is read from the jar, anything else from the file system. {@code
 * catalog-smoke manifest} writes this format from a folder of migration scripts.
 */
public record BaselineManifest(String database, List<ManifestEntry> migrations) {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    public static BaselineManifest read(String location) {
        try (InputStream in = open(location)) {
            BaselineManifest manifest = MAPPER.readValue(in, BaselineManifest.class);
            if (manifest == null || manifest.migrations() == null) {
                throw new ConfigException("baseline manifest " + location + ": no 'migrations' list; regenerate it"
                        + " with catalog-smoke manifest");
            }
            return manifest;
        } catch (NoSuchFileException e) {
            throw new ConfigException("baseline manifest " + location + " not found; set catalogs.<catalog>.flyway"
                    + ".manifest to an existing file");
        } catch (IOException e) {
            throw new ConfigException("baseline manifest " + location + " cannot be read: " + e.getMessage());
        } catch (JacksonException e) {
            throw new ConfigException("baseline manifest " + location + ": invalid content: "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "; regenerate it with catalog-smoke"
                    + " manifest");
        }
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            InputStream in = BaselineManifest.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new NoSuchFileException(location);
            }
            return in;
        }
        return Files.newInputStream(Path.of(location));
    }

    public String toYaml() {
        return MAPPER.writeValueAsString(this);
    }
}
