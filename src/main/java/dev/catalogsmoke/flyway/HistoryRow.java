package dev.catalogsmoke.flyway;

/** One row of {@code flyway_schema_history}; {@code version} is {@code null} for repeatable migrations. */
public record HistoryRow(
        int installedRank,
        String version,
        String description,
        String type,
        String script,
        Integer checksum,
        boolean success) {

    public String label() {
        return (version == null ? "repeatable" : "version " + version) + " (rank " + installedRank + ", script "
                + script + ")";
    }
}
