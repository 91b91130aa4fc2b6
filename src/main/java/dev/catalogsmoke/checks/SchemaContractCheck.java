package dev.catalogsmoke.checks;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.config.SmokeConfig.TableContract;
import dev.catalogsmoke.config.SqlIdentifier;
import dev.catalogsmoke.engine.SmokeContext;
import dev.catalogsmoke.schema.CatalogSchema;
import dev.catalogsmoke.schema.CatalogSchema.Relation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@CheckSuite
@DisplayName("schema")
@Tag("schema")
@Tag("postgres")
@Order(40)
class SchemaContractCheck {

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @EnumSource(Catalog.class)
    @DisplayName("tables, key columns and unique constraints of the data model exist")
    @Verifies("Every table of the catalog's schema contract (schemaContract.<catalog>) exists in the model's schema"
            + " with its columns and unique keys. Unique keys of views cannot be declared and are not required.")
    void tablesAndKeysExist(Catalog catalog, SmokeContext context, TestReporter reporter) throws SQLException {
        SmokeConfig config = context.config();
        String schema = catalog == Catalog.IDENTITY
                ? config.model().identity().schema().name()
                : config.model().tenancy().schema().name();
        List<TableContract> contract = config.schemaContract().get(catalog);
        CatalogSchema actual;
        try (Connection connection = context.sessions().open(catalog)) {
            actual = CatalogSchema.read(connection, schema);
        }
        reporter.publishEntry(Map.of(
                "schema",
                schema,
                "relationsFound",
                actual.relationNames().toString(),
                "tablesRequired",
                String.valueOf(contract.size())));

        Findings findings = new Findings();
        String database = config.catalog(catalog).database();
        for (TableContract table : contract) {
            compareTable(
                    findings,
                    "database " + database + ", table " + schema + "." + table.table(),
                    table,
                    actual.relations().get(table.table().name()));
        }
        findings.assertNone("database " + database + " schema " + schema);
    }

    private static void compareTable(Findings findings, String object, TableContract expected, Relation actual) {
        String next = "Run the catalog's migrations, or fix schemaContract in the configuration if the model changed";
        if (actual == null) {
            findings.add(object, "table is missing", next);
            return;
        }
        Set<String> missingColumns = new TreeSet<>(names(expected.columns()));
        missingColumns.removeAll(actual.columns());
        if (!missingColumns.isEmpty()) {
            findings.add(
                    object,
                    "columns are missing",
                    "columns " + names(expected.columns()),
                    "columns " + actual.columns(),
                    next);
        }
        if (actual.isView()) {
            return;
        }
        for (List<SqlIdentifier> key : expected.unique()) {
            Set<String> columns = new TreeSet<>(names(key));
            if (!actual.uniqueKeys().contains(columns)) {
                findings.add(
                        object,
                        "no unique constraint or index on " + columns,
                        "unique " + columns,
                        "unique keys " + actual.uniqueKeys(),
                        next);
            }
        }
    }

    private static List<String> names(List<SqlIdentifier> identifiers) {
        List<String> names = new ArrayList<>();
        identifiers.forEach(identifier -> names.add(identifier.name()));
        return names;
    }
}
