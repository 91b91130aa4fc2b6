package dev.catalogsmoke.flyway;

/**
 * One migration the release expects to be applied. {@code version} is {@code null} for a repeatable migration, and
 * {@code checksum} is {@code null} when the manifest does not pin it.
 */
public record ManifestEntry(String version, String description, String type, String script, Integer checksum) {

    public String label() {
        return (version == null ? "repeatable " + script : "version " + version + " (" + script + ")");
    }
}
