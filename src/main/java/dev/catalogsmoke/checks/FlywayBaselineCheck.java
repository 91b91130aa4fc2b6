package dev.catalogsmoke.checks;

import static org.junit.jupiter.api.Assumptions.abort;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.SmokeConfig.CatalogConfig;
import dev.catalogsmoke.config.SmokeConfig.FlywayHistory;
import dev.catalogsmoke.engine.SmokeContext;
import dev.catalogsmoke.flyway.BaselineManifest;
import dev.catalogsmoke.flyway.FlywayHistoryReader;
import dev.catalogsmoke.flyway.HistoryComparison;
import dev.catalogsmoke.flyway.HistoryRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@CheckSuite
@DisplayName("flyway")
@Tag("flyway")
@Tag("postgres")
@Order(30)
class FlywayBaselineCheck {

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @EnumSource(Catalog.class)
    @DisplayName("migration history matches the release's baseline manifest")
    @Verifies("The Flyway history table exists exactly once, in the configured schema; no row failed; applied"
            + " versions match the baseline manifest (description, type, script, checksum where given) with each"
            + " missing, unknown and out-of-order version named; repeatable migrations match by checksum.")
    void historyMatchesBaseline(Catalog catalog, SmokeContext context, TestReporter reporter) throws SQLException {
        CatalogConfig settings = context.config().catalog(catalog);
        FlywayHistory flyway = settings.flyway();
        if (!flyway.enabled()) {
            abort("catalogs." + catalog + ".flyway.enabled is false");
        }
        if (flyway.manifest().isEmpty()) {
            abort("catalogs." + catalog + ".flyway.manifest is empty, so there is no baseline to compare with");
        }
        BaselineManifest manifest = BaselineManifest.read(flyway.manifest());
        FlywayHistoryReader reader = new FlywayHistoryReader(flyway);
        String object = "database " + settings.database() + ", table " + flyway.schema() + "." + flyway.table();
        try (Connection connection = context.sessions().open(catalog)) {
            List<String> schemas = reader.schemasWithHistoryTable(connection);
            reporter.publishEntry(Map.of("manifest", flyway.manifest(), "historyTableIn", schemas.toString()));
            requireTablePlacement(object, flyway, schemas);

            List<HistoryRow> rows = reader.rows(connection);
            reporter.publishEntry(Map.of(
                    "historyRows",
                    String.valueOf(rows.size()),
                    "manifestEntries",
                    String.valueOf(manifest.migrations().size())));
            Findings findings = new Findings();
            findings.addAll(new HistoryComparison(object).compare(manifest, rows));
            findings.assertNone(object);
        }
    }

    private static void requireTablePlacement(String object, FlywayHistory flyway, List<String> schemas) {
        Findings findings = new Findings();
        if (!schemas.contains(flyway.schema().name())) {
            findings.add(
                    object,
                    "history table not found in schema " + flyway.schema(),
                    "schema " + flyway.schema(),
                    schemas.isEmpty() ? "no schema" : "schemas " + schemas,
                    "Run the migrations, or point catalogs.<catalog>.flyway.schema and .table at the history table");
        } else if (schemas.size() > 1) {
            findings.add(
                    object,
                    "a table named " + flyway.table() + " exists in several schemas",
                    "one schema",
                    schemas,
                    "Drop the stray copy so only schema " + flyway.schema() + " records migrations");
        }
        findings.assertNone(object);
    }
}
