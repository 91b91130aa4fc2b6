package dev.catalogsmoke.checks;

import static dev.catalogsmoke.config.CutoverPhase.BACKFILL;
import static dev.catalogsmoke.config.CutoverPhase.CLEANUP;
import static dev.catalogsmoke.config.CutoverPhase.CUTOVER;
import static dev.catalogsmoke.config.CutoverPhase.LOCKDOWN;
import static dev.catalogsmoke.config.CutoverPhase.PREPARE;

import dev.catalogsmoke.config.CutoverConfig;
import dev.catalogsmoke.config.CutoverConfig.Legacy;
import dev.catalogsmoke.config.SqlIdentifier;
import dev.catalogsmoke.cutover.LegacyRelations;
import dev.catalogsmoke.cutover.LegacyRelations.WriteGrant;
import dev.catalogsmoke.engine.AppliesIn;
import dev.catalogsmoke.engine.PrerequisiteUnavailable;
import dev.catalogsmoke.engine.Problem;
import dev.catalogsmoke.engine.SmokeContext;
import dev.catalogsmoke.schema.CatalogSchema;
import dev.catalogsmoke.schema.CatalogSchema.Relation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.opentest4j.AssertionFailedError;

/** Checks the legacy {@code platform} database itself: reachable while in use, locked, then dropped. */
@CheckSuite
@DisplayName("cutover legacy")
@Tag("cutover")
@Tag("postgres")
@Order(70)
class LegacyCatalogCheck {

    @Test
    @Order(1)
    @AppliesIn({PREPARE, BACKFILL, CUTOVER, LOCKDOWN})
    @DisplayName("legacy database is reachable and holds the tables the backfill copies")
    @Verifies("A read-only session opens on the legacy database with the credentials from cutover.legacy.secret,"
            + " and the legacy routing and external identity tables exist with the configured columns.")
    void legacyDatabaseIsReachable(SmokeContext context, TestReporter reporter) throws SQLException {
        Legacy legacy = context.config().cutover().legacy();
        CatalogSchema schema;
        try (Connection session = connect(context);
                Statement statement = session.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_user, current_database()")) {
            row.next();
            reporter.publishEntry(Map.of("currentUser", row.getString(1), "currentDatabase", row.getString(2)));
            schema = CatalogSchema.read(session, legacy.schema().name());
        }

        Findings findings = new Findings();
        requireTable(
                findings,
                legacy,
                schema,
                legacy.routing().table(),
                List.of(legacy.routing().issuer(), legacy.routing().tenantId()));
        requireTable(
                findings,
                legacy,
                schema,
                legacy.externalIdentities().table(),
                List.of(
                        legacy.externalIdentities().issuer(),
                        legacy.externalIdentities().subject(),
                        legacy.externalIdentities().userId()));
        findings.assertNone("legacy database " + legacy.database());
    }

    @Test
    @Order(2)
    @Tag("lockdown")
    @AppliesIn({LOCKDOWN, CLEANUP})
    @DisplayName("application roles can no longer write the legacy tables")
    @Verifies("No role in cutover.lockdown.roles holds INSERT, UPDATE, DELETE or TRUNCATE on a legacy table that"
            + " still exists, through any path (direct grant, PUBLIC, role membership, ownership, superuser;"
            + " INSERT and UPDATE also as column grants). Passes when the legacy database is gone.")
    void applicationRolesCannotWriteLegacyTables(SmokeContext context, TestReporter reporter) throws SQLException {
        CutoverConfig cutover = context.config().cutover();
        Legacy legacy = cutover.legacy();
        if (!context.legacy().databaseExists()) {
            reporter.publishEntry(Map.of("legacyDatabase", legacy.database() + " not found, so no table is left"));
            return;
        }
        Map<String, String> present;
        List<String> missingRoles;
        List<WriteGrant> grants;
        try (Connection session = context.legacy().open()) {
            present = LegacyRelations.present(session, legacy.schema(), legacy.allTables());
            missingRoles =
                    LegacyRelations.missingRoles(session, cutover.lockdown().roles());
            grants = LegacyRelations.writeGrants(
                    session,
                    legacy.schema(),
                    legacy.allTables(),
                    cutover.lockdown().roles());
        }
        reporter.publishEntry(Map.of(
                "roles", cutover.lockdown().roles().toString(),
                "legacyRelations", present.keySet().toString(),
                "writeGrants", String.valueOf(grants.size())));

        Findings findings = new Findings();
        for (String role : missingRoles) {
            findings.add(
                    "role " + role,
                    "does not exist on the cluster, so its privileges cannot be judged",
                    "an existing application role",
                    "no such role",
                    "Fix cutover.lockdown.roles, or remove the role from it if the role was dropped on purpose");
        }
        for (WriteGrant grant : grants) {
            findings.add(writeProblem(legacy, grant));
        }
        findings.assertNone("lockdown of legacy database " + legacy.database());
    }

    @Test
    @Order(3)
    @Tag("cleanup")
    @AppliesIn(CLEANUP)
    @DisplayName("legacy tables are dropped, except the allowed ones")
    @Verifies("None of the legacy tables (cutover.legacy.tables and the two compared tables) exists any more,"
            + " except those in cutover.cleanup.allowedTables. Passes when the legacy database is gone.")
    void legacyTablesAreDropped(SmokeContext context, TestReporter reporter) throws SQLException {
        CutoverConfig cutover = context.config().cutover();
        Legacy legacy = cutover.legacy();
        if (!context.legacy().databaseExists()) {
            reporter.publishEntry(Map.of("legacyDatabase", legacy.database() + " not found, so no table is left"));
            return;
        }
        Map<String, String> present;
        try (Connection session = context.legacy().open()) {
            present = LegacyRelations.present(session, legacy.schema(), legacy.allTables());
        }
        TreeSet<String> allowed = new TreeSet<>();
        cutover.cleanup().allowedTables().forEach(table -> allowed.add(table.name()));
        reporter.publishEntry(
                Map.of("legacyRelationsPresent", present.keySet().toString(), "allowedTables", allowed.toString()));

        Findings findings = new Findings();
        present.forEach((name, kind) -> {
            if (!allowed.contains(name)) {
                findings.add(
                        kind + " " + legacy.schema() + "." + name + " in database " + legacy.database(),
                        "legacy " + kind + " still exists after cleanup",
                        "dropped (allowed to remain: " + allowed + ")",
                        "present",
                        "Drop it (DROP " + dropKeyword(kind) + " " + legacy.schema() + "." + name + "), or add it to"
                                + " cutover.cleanup.allowedTables if it stays on purpose");
            }
        });
        findings.assertNone("cleanup of legacy database " + legacy.database());
    }

    /** Opens the legacy session. This check owns legacy connectivity, so missing credentials fail it. */
    private static Connection connect(SmokeContext context) {
        try {
            return context.legacy().connect();
        } catch (PrerequisiteUnavailable e) {
            throw new AssertionFailedError(e.getMessage());
        }
    }

    private static void requireTable(
            Findings findings, Legacy legacy, CatalogSchema schema, SqlIdentifier table, List<SqlIdentifier> columns) {
        String object = "table " + legacy.schema() + "." + table + " in database " + legacy.database();
        Relation relation = schema.relations().get(table.name());
        if (relation == null) {
            findings.add(
                    object,
                    "legacy table is missing",
                    "a table or view with columns " + columns,
                    "no such relation; relations found: " + schema.relations().keySet(),
                    "Fix cutover.legacy in the configuration, or the phase if the legacy tables were dropped");
            return;
        }
        List<String> missing = new ArrayList<>();
        columns.forEach(column -> {
            if (!relation.columns().contains(column.name())) {
                missing.add(column.name());
            }
        });
        if (!missing.isEmpty()) {
            findings.add(
                    object,
                    "columns " + missing + " are missing",
                    "columns " + columns,
                    "columns " + new TreeSet<>(relation.columns()),
                    "Fix the column names under cutover.legacy in the configuration");
        }
    }

    private static Problem writeProblem(Legacy legacy, WriteGrant grant) {
        String table = legacy.schema() + "." + grant.relation();
        String privileges = String.join(", ", grant.privileges());
        String problem = grant.superuser()
                ? "can still write the legacy table, because the role is a superuser"
                : "can still write the legacy table";
        return Problem.of(
                "role " + grant.role() + " on table " + table + " in database " + legacy.database(),
                problem,
                "no INSERT, UPDATE, DELETE or TRUNCATE",
                privileges,
                "Run REVOKE " + privileges + " ON " + table + " FROM " + grant.role() + "; a privilege that comes"
                        + " through PUBLIC, a role it is a member of, or ownership must be revoked there");
    }

    private static String dropKeyword(String kind) {
        return kind.equals("partitioned table") ? "TABLE" : kind.toUpperCase(Locale.ROOT);
    }
}
