package dev.catalogsmoke.checks;

import static dev.catalogsmoke.config.CutoverPhase.BACKFILL;
import static dev.catalogsmoke.config.CutoverPhase.CLEANUP;
import static dev.catalogsmoke.config.CutoverPhase.CUTOVER;
import static dev.catalogsmoke.config.CutoverPhase.LOCKDOWN;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.SmokeConfig.IdentityModel;
import dev.catalogsmoke.config.SmokeConfig.TenancyModel;
import dev.catalogsmoke.crosscatalog.OrphanScan;
import dev.catalogsmoke.engine.AppliesIn;
import dev.catalogsmoke.engine.SmokeContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

@CheckSuite
@AppliesIn({BACKFILL, CUTOVER, LOCKDOWN, CLEANUP})
@DisplayName("cross-catalog")
@Tag("cross-catalog")
@Tag("postgres")
@Order(60)
class CrossCatalogCheck {

    /** Offending ids listed in a failure message. */
    private static final int SAMPLE = 5;

    @Test
    @Order(1)
    @DisplayName("memberships reference users that exist in the identity catalog")
    @Verifies("Every user id in tenancy memberships exists in identity users. Both sides are compared set-wise in"
            + " two streamed statements; the message gives the count and a sample, and flags ids that are external"
            + " subjects instead of user ids.")
    void membershipsReferenceExistingUsers(SmokeContext context, TestReporter reporter) throws SQLException {
        IdentityModel identityModel = context.config().model().identity();
        TenancyModel tenancyModel = context.config().model().tenancy();
        String memberships =
                "SELECT DISTINCT " + tenancyModel.memberships().userId().quoted() + "::text COLLATE \"C\""
                        + " AS id FROM " + tenancyModel.schema().quoted() + "."
                        + tenancyModel.memberships().table().quoted()
                        + " WHERE " + tenancyModel.memberships().userId().quoted() + " IS NOT NULL ORDER BY id";
        String users = "SELECT DISTINCT " + identityModel.users().userId().quoted() + "::text COLLATE \"C\" AS id FROM "
                + identityModel.schema().quoted() + "."
                + identityModel.users().table().quoted() + " ORDER BY id";
        OrphanScan.Result result;
        Set<String> subjects;
        try (Connection tenancy = context.sessions().open(Catalog.TENANCY);
                Connection identity = context.sessions().open(Catalog.IDENTITY)) {
            result = OrphanScan.scan(tenancy, memberships, identity, users, SAMPLE);
            subjects = externalSubjects(identity, identityModel, result.sample());
        }
        reporter.publishEntry(Map.of(
                "membershipUserIds",
                String.valueOf(result.referencing()),
                "orphans",
                String.valueOf(result.orphans()),
                "sample",
                result.sample().toString()));

        Findings findings = new Findings();
        if (result.orphans() > 0) {
            findings.add(
                    "table " + tenancyModel.memberships().table() + " in database "
                            + context.config().catalog(Catalog.TENANCY).database(),
                    result.orphans() + " of " + result.referencing() + " distinct user ids do not exist in "
                            + identityModel.users().table() + " of database "
                            + context.config().catalog(Catalog.IDENTITY).database() + "; sample: "
                            + describeSample(result.sample(), subjects),
                    "0 orphaned user ids",
                    result.orphans() + " orphaned",
                    "Fix the backfill or the membership writes so they store canonical user ids");
        }
        findings.assertNone("memberships");
    }

    @Test
    @Order(2)
    @DisplayName("tenant aliases point at tenants that exist")
    @Verifies("Every legacy tenant alias names a canonical tenant that exists, checked in one statement.")
    void aliasesReferenceExistingTenants(SmokeContext context, TestReporter reporter) throws SQLException {
        TenancyModel model = context.config().model().tenancy();
        String sql =
                "SELECT count(*) OVER (), a." + model.aliases().legacyTenantId().quoted() + "::text, a."
                        + model.aliases().tenantId().quoted() + "::text FROM "
                        + model.schema().quoted() + "."
                        + model.aliases().table().quoted() + " a LEFT JOIN "
                        + model.schema().quoted() + "."
                        + model.tenants().table().quoted() + " t ON t."
                        + model.tenants().tenantId().quoted() + " = a."
                        + model.aliases().tenantId().quoted() + " WHERE t."
                        + model.tenants().tenantId().quoted()
                        + " IS NULL ORDER BY 2 LIMIT " + SAMPLE;
        long broken = 0;
        List<String> sample = new ArrayList<>();
        try (Connection tenancy = context.sessions().open(Catalog.TENANCY);
                PreparedStatement statement = tenancy.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                broken = rows.getLong(1);
                sample.add(rows.getString(2) + " -> " + rows.getString(3));
            }
        }
        reporter.publishEntry(Map.of("brokenAliases", String.valueOf(broken), "sample", sample.toString()));

        Findings findings = new Findings();
        if (broken > 0) {
            findings.add(
                    "table " + model.aliases().table(),
                    broken + " aliases point at tenants that do not exist;" + " sample (legacy -> canonical): "
                            + sample,
                    "0 broken aliases",
                    broken + " broken",
                    "Point each alias at an existing canonical tenant id, or delete it");
        }
        findings.assertNone("tenant aliases");
    }

    private static Set<String> externalSubjects(Connection identity, IdentityModel model, List<String> ids)
            throws SQLException {
        Set<String> subjects = new HashSet<>();
        if (ids.isEmpty()) {
            return subjects;
        }
        String sql = "SELECT DISTINCT " + model.externalIdentities().subject().quoted() + " FROM "
                + model.schema().quoted() + "."
                + model.externalIdentities().table().quoted() + " WHERE "
                + model.externalIdentities().subject().quoted() + " = ANY (?)";
        try (PreparedStatement statement = identity.prepareStatement(sql)) {
            statement.setArray(1, identity.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    subjects.add(rows.getString(1));
                }
            }
        }
        return subjects;
    }

    private static String describeSample(List<String> sample, Set<String> subjects) {
        List<String> shown = new ArrayList<>();
        for (String id : sample) {
            shown.add(
                    subjects.contains(id)
                            ? id + " (an external subject, not a user id: the backfill used the" + " wrong key)"
                            : id);
        }
        return String.join(", ", shown);
    }
}
