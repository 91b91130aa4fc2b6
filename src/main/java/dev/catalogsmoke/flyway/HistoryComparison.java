package dev.catalogsmoke.flyway;

import dev.catalogsmoke.engine.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Compares a database's Flyway history with the release's baseline manifest.
 *
 * <p>Finds failed rows, missing versions (named as gaps when a later version is applied), versions the manifest
 * does not know, out-of-order applications, and differences in description, type, script or checksum. Flyway's
 * own {@code validate} compares against the scripts on disk; this compares against the manifest, so it also works
 * where no script is present.
 */
public final class HistoryComparison {

    /** Row types that record no migration: the schema-creation marker and deleted entries. */
    private static final Set<String> NOT_MIGRATIONS = Set.of("SCHEMA", "DELETE");

    private final String object;

    public HistoryComparison(String object) {
        this.object = object;
    }

    public List<Problem> compare(BaselineManifest manifest, List<HistoryRow> history) {
        List<Problem> problems = new ArrayList<>();
        failedRows(history, problems);
        List<HistoryRow> applied = history.stream()
                .filter(HistoryRow::success)
                .filter(row -> !NOT_MIGRATIONS.contains(row.type()))
                .toList();
        compareVersioned(manifest, applied, problems);
        compareRepeatable(manifest, applied, problems);
        return problems;
    }

    private void failedRows(List<HistoryRow> history, List<Problem> problems) {
        for (HistoryRow row : history) {
            if (!row.success()) {
                problems.add(Problem.of(
                        object,
                        "failed migration " + row.label(),
                        "success = true",
                        "success = false",
                        "Fix the script's effect by hand, run flyway repair, then migrate again"));
            }
        }
    }

    private void compareVersioned(BaselineManifest manifest, List<HistoryRow> applied, List<Problem> problems) {
        Map<String, HistoryRow> byVersion = new LinkedHashMap<>();
        MigrationVersion highest = MigrationVersion.EMPTY;
        for (HistoryRow row : applied) {
            if (row.version() == null) {
                continue;
            }
            MigrationVersion version = MigrationVersion.fromVersion(row.version());
            if (byVersion.put(row.version(), row) != null) {
                problems.add(Problem.of(
                        object,
                        "version " + row.version() + " is applied more than once",
                        "Inspect the history table; a version must appear once"));
            }
            if (highest == MigrationVersion.EMPTY || version.compareTo(highest) > 0) {
                highest = version;
            } else {
                problems.add(Problem.of(
                        object,
                        row.label() + " was applied out of order, after version " + highest,
                        "Check that outOfOrder was intended and that the schema is consistent"));
            }
        }
        for (ManifestEntry entry : manifest.migrations()) {
            if (entry.version() == null) {
                continue;
            }
            HistoryRow row = byVersion.remove(entry.version());
            if (row == null) {
                problems.add(missing(entry, highest));
            } else {
                compareFields(entry, row, problems);
            }
        }
        for (HistoryRow unknown : byVersion.values()) {
            problems.add(Problem.of(
                    object,
                    unknown.label() + " is applied but the baseline manifest does not list it,"
                            + " so the schema state is unknown",
                    "Deploy the release that contains it, or update the manifest" + " with catalog-smoke manifest"));
        }
    }

    private Problem missing(ManifestEntry entry, MigrationVersion highest) {
        boolean gap = highest != MigrationVersion.EMPTY
                && highest.compareTo(MigrationVersion.fromVersion(entry.version())) > 0;
        String problem = gap
                ? entry.label() + " is not applied although version " + highest + " is"
                : entry.label() + " is not applied";
        return Problem.of(object, problem, "Run the migration job for this database and check its log");
    }

    private void compareRepeatable(BaselineManifest manifest, List<HistoryRow> applied, List<Problem> problems) {
        Map<String, HistoryRow> latest = new LinkedHashMap<>();
        applied.stream().filter(row -> row.version() == null).forEach(row -> latest.put(row.script(), row));
        for (ManifestEntry entry : manifest.migrations()) {
            if (entry.version() != null) {
                continue;
            }
            HistoryRow row = latest.get(entry.script());
            if (row == null) {
                problems.add(Problem.of(object, entry.label() + " is not applied", "Run the migration job"));
            } else if (entry.checksum() != null && !entry.checksum().equals(row.checksum())) {
                problems.add(Problem.of(
                        object,
                        entry.label() + " has another checksum than the manifest",
                        entry.checksum(),
                        row.checksum(),
                        "Run the migration job so the current script is applied"));
            }
        }
    }

    private void compareFields(ManifestEntry entry, HistoryRow row, List<Problem> problems) {
        String next = "Restore the script as released, or run flyway repair if the change is intended and update"
                + " the manifest";
        if (entry.checksum() != null && !entry.checksum().equals(row.checksum())) {
            problems.add(Problem.of(
                    object,
                    entry.label() + ": checksum differs from the manifest",
                    entry.checksum(),
                    row.checksum(),
                    next));
        }
        field(problems, entry, "script", entry.script(), row.script(), next);
        field(problems, entry, "description", entry.description(), row.description(), next);
        field(problems, entry, "type", entry.type(), row.type(), next);
    }

    private void field(
            List<Problem> problems, ManifestEntry entry, String name, String expected, String actual, String next) {
        if (expected != null && !Objects.equals(expected, actual)) {
            problems.add(Problem.of(
                    object,
                    entry.label() + ": " + name + " differs from the manifest",
                    "'" + expected + "'",
                    "'" + actual + "'",
                    next));
        }
    }
}
