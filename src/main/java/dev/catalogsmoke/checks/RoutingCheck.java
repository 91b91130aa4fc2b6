package dev.catalogsmoke.checks;

import static dev.catalogsmoke.config.CutoverPhase.BACKFILL;
import static dev.catalogsmoke.config.CutoverPhase.CLEANUP;
import static dev.catalogsmoke.config.CutoverPhase.CUTOVER;
import static dev.catalogsmoke.config.CutoverPhase.LOCKDOWN;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import dev.catalogsmoke.config.SmokeConfig.TenancyModel;
import dev.catalogsmoke.config.SqlIdentifier;
import dev.catalogsmoke.engine.AppliesIn;
import dev.catalogsmoke.engine.SmokeContext;
import dev.catalogsmoke.routing.AliasRouting;
import dev.catalogsmoke.routing.RouteRow;
import dev.catalogsmoke.routing.RoutingAnalysis;
import dev.catalogsmoke.routing.RoutingAnalysis.RequiredIssuer;
import dev.catalogsmoke.routing.RoutingReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

@CheckSuite
@AppliesIn({BACKFILL, CUTOVER, LOCKDOWN, CLEANUP})
@DisplayName("tenancy routing")
@Tag("routing")
@Tag("postgres")
@Order(50)
class RoutingCheck {

    /** Issuers that map to more than one tenant listed in a failure message. */
    private static final int SAMPLE = 10;

    @Test
    @Order(1)
    @DisplayName("every seeded and linked issuer maps to one active tenant")
    @Verifies("Every issuer from seed.tenants and every issuer linked in the identity catalog's external identities"
            + " has exactly one routing row, compared as an exact string, to a tenant that exists and is active"
            + " (and is the seeded tenant). A near miss names the difference, such as a trailing '/'. Skipped with"
            + " routingKey.strategy idp_alias.")
    void everyIssuerRoutesToOneActiveTenant(SmokeContext context, TestReporter reporter) throws SQLException {
        skipUnderAliasRouting(context);
        SmokeConfig config = context.config();
        Set<String> linked;
        try (Connection identity = context.sessions().open(Catalog.IDENTITY)) {
            linked = RoutingReader.linkedIssuers(
                    identity,
                    config.model().identity().schema(),
                    config.model().identity().externalIdentities());
        }
        Map<String, List<RouteRow>> routes;
        try (Connection tenancy = context.sessions().open(Catalog.TENANCY)) {
            routes = RoutingReader.routes(tenancy, config.model().tenancy());
        }
        List<RequiredIssuer> required = requiredIssuers(config.seed().tenants(), linked);
        reporter.publishEntry(Map.of(
                "seededIssuers", String.valueOf(config.seed().tenants().size()),
                "linkedIssuers", String.valueOf(linked.size()),
                "issuersChecked", String.valueOf(required.size()),
                "routingIssuers", String.valueOf(routes.size()),
                "comparison", "exact string"));

        Set<String> active = new HashSet<>(config.model().tenancy().tenants().activeStatuses());
        Findings findings = new Findings();
        findings.addAll(new RoutingAnalysis(routes, active).judge(required));
        findings.assertNone(
                "routing table " + config.model().tenancy().routing().table());
    }

    @Test
    @Order(2)
    @DisplayName("no issuer maps to two tenants")
    @Verifies("No issuer in the routing table maps to more than one tenant, whether or not it is seeded. Skipped"
            + " with routingKey.strategy idp_alias.")
    void noIssuerMapsToTwoTenants(SmokeContext context, TestReporter reporter) throws SQLException {
        skipUnderAliasRouting(context);
        TenancyModel model = context.config().model().tenancy();
        Findings findings = new Findings();
        long ambiguous = ambiguousKeys(context, model.routing().issuer(), "issuer", findings);
        reporter.publishEntry(Map.of("issuersWithSeveralTenants", String.valueOf(ambiguous)));
        findings.assertNone(
                "routing table " + model.routing().table() + ": " + ambiguous + " issuers map to several tenants");
    }

    /**
     * Adds a finding for each value of {@code column} that maps to more than one tenant, with one statement and at
     * most {@link #SAMPLE} findings, and returns how many values do.
     */
    private static long ambiguousKeys(SmokeContext context, SqlIdentifier column, String label, Findings findings)
            throws SQLException {
        TenancyModel model = context.config().model().tenancy();
        String routing = model.schema().quoted() + "." + model.routing().table().quoted();
        String sql = "SELECT count(*) OVER (), routing_key, tenants FROM (SELECT " + column.quoted()
                + " AS routing_key, array_agg(DISTINCT "
                + model.routing().tenantId().quoted() + "::text) AS tenants"
                + " FROM " + routing + " WHERE " + column.quoted() + " IS NOT NULL GROUP BY 1 HAVING count(DISTINCT "
                + model.routing().tenantId().quoted()
                + ") > 1) ambiguous ORDER BY routing_key LIMIT " + SAMPLE;
        long ambiguous = 0;
        try (Connection tenancy = context.sessions().open(Catalog.TENANCY);
                PreparedStatement statement = tenancy.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ambiguous = rows.getLong(1);
                String[] tenants = (String[]) rows.getArray(3).getArray();
                findings.add(
                        label + " " + rows.getString(2),
                        "maps to " + tenants.length + " tenants",
                        "1 tenant",
                        new TreeSet<>(List.of(tenants)),
                        "Keep the row of the tenant that owns this " + label + "; delete the others");
            }
        }
        return ambiguous;
    }

    private static void skipUnderAliasRouting(SmokeContext context) {
        if (context.config().routingKey().byAlias()) {
            abort("routingKey.strategy is idp_alias, so tenants are routed by identity provider alias, not by"
                    + " issuer; see 'every seeded identity provider alias maps to its tenant'");
        }
    }

    @Test
    @Order(3)
    @DisplayName("every seeded identity provider alias maps to its tenant")
    @Verifies("With routingKey.strategy idp_alias: each seeded tenant's alias (seed.tenants[].idpAlias, else its realm)"
            + " has exactly one routing row in the column model.tenancy.routing.idpAlias, compared as an exact"
            + " string, pointing at that tenant, which exists and is active; and no alias in the table maps to two"
            + " tenants. Skipped with strategy issuer, which the two issuer checks above cover instead.")
    void everySeededAliasRoutesToItsTenant(SmokeContext context, TestReporter reporter) throws SQLException {
        SmokeConfig config = context.config();
        if (!config.routingKey().byAlias()) {
            abort("routingKey.strategy is issuer, so tenants are not routed by identity provider alias");
        }
        List<SeedTenant> seed = config.seed().tenants();
        TenancyModel model = config.model().tenancy();
        String column = model.routing().table() + "." + model.routing().idpAlias();
        AliasRouting routing;
        try (Connection tenancy = context.sessions().open(Catalog.TENANCY)) {
            routing = new AliasRouting(
                    RoutingReader.aliasRoutes(
                            tenancy,
                            model,
                            seed.stream().map(SeedTenant::alias).toList(),
                            seed.stream().map(SeedTenant::id).toList()),
                    column);
        } catch (SQLException e) {
            if (AliasRouting.missingColumn(e)) {
                throw new AssertionError(AliasRouting.missingColumnMessage(model), e);
            }
            throw e;
        }
        reporter.publishEntry(
                Map.of("seededAliases", String.valueOf(seed.size()), "column", column, "comparison", "exact string"));
        Findings findings = new Findings();
        findings.addAll(routing.judge(seed, new HashSet<>(model.tenants().activeStatuses())));
        ambiguousKeys(context, model.routing().idpAlias(), "identity provider alias", findings);
        findings.assertNone("routing by alias " + column);
    }

    private static List<RequiredIssuer> requiredIssuers(List<SeedTenant> seed, Set<String> linked) {
        List<RequiredIssuer> required = new ArrayList<>();
        Set<String> seeded = new HashSet<>();
        for (SeedTenant tenant : seed) {
            required.add(new RequiredIssuer(tenant.issuer(), "seeded tenant " + tenant.slug(), tenant.id()));
            seeded.add(tenant.issuer());
        }
        new TreeSet<>(linked)
                .stream()
                        .filter(issuer -> !seeded.contains(issuer))
                        .forEach(issuer ->
                                required.add(new RequiredIssuer(issuer, "linked in external identities", null)));
        return required;
    }
}
