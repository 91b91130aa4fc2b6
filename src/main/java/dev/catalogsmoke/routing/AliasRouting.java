package dev.catalogsmoke.routing;

import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import dev.catalogsmoke.config.SmokeConfig.TenancyModel;
import dev.catalogsmoke.engine.Problem;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Routing by identity provider alias (routing key strategy {@code idp_alias}): which tenant each alias routes to,
 * judged against the seed. Aliases are compared as exact strings, as the platform compares them.
 */
public final class AliasRouting {

    private final Map<String, List<AliasRoute>> byAlias;
    private final Map<String, List<AliasRoute>> byTenant;
    private final String column;

    /** {@code column} names the alias column in messages. */
    public AliasRouting(List<AliasRoute> routes, String column) {
        this.byAlias = routes.stream()
                .filter(route -> route.alias() != null)
                .collect(Collectors.groupingBy(AliasRoute::alias));
        this.byTenant = routes.stream().collect(Collectors.groupingBy(AliasRoute::tenantId));
        this.column = column;
    }

    private static final String UNDEFINED_COLUMN = "42703";

    /** Returns whether {@code e} means that the routing table has no alias column by the configured name. */
    public static boolean missingColumn(SQLException e) {
        return UNDEFINED_COLUMN.equals(e.getSQLState());
    }

    /** Returns the message for a routing table without the configured alias column. */
    public static String missingColumnMessage(TenancyModel model) {
        return "routing table " + model.routing().table() + ": column "
                + model.routing().idpAlias()
                + " does not exist, so no tenant can be routed by alias; add the column, or set"
                + " model.tenancy.routing.idpAlias to the column that contains the alias";
    }

    /** Returns the tenant that {@code alias} routes to, when exactly one row contains the alias. */
    public Optional<String> tenantOf(String alias) {
        List<AliasRoute> rows = byAlias.getOrDefault(alias, List.of());
        return rows.size() == 1 ? Optional.of(rows.get(0).tenantId()) : Optional.empty();
    }

    public boolean routes(String alias) {
        return byAlias.containsKey(alias);
    }

    /** Returns a problem for each seeded tenant whose alias does not route to it alone, active. */
    public List<Problem> judge(List<SeedTenant> seed, Set<String> activeStatuses) {
        List<Problem> problems = new ArrayList<>();
        for (SeedTenant tenant : seed) {
            String object = "seeded tenant " + tenant.slug() + ", alias '" + tenant.alias() + "'";
            List<AliasRoute> rows = byAlias.getOrDefault(tenant.alias(), List.of());
            if (rows.isEmpty()) {
                problems.add(Problem.of(
                        object,
                        "no routing row has this " + column,
                        "1 row with " + column + " '" + tenant.alias() + "' and tenant " + tenant.id(),
                        aliasesOfTenant(tenant.id()),
                        "Set the tenant's " + column + " to the alias of its identity provider in the broker"
                                + " realm, byte for byte"));
            } else if (rows.size() > 1) {
                problems.add(Problem.of(
                        object,
                        "routes to " + rows.size() + " rows",
                        "1 row",
                        rows.stream().map(AliasRoute::tenantId).toList(),
                        "Keep the row of tenant " + tenant.id() + "; delete the others"));
            } else if (!rows.get(0).tenantId().equals(tenant.id())) {
                problems.add(Problem.of(
                        object,
                        "routes to another tenant",
                        "tenant " + tenant.id(),
                        "tenant " + rows.get(0).tenantId(),
                        "Point the alias at the seeded tenant; a login through this provider would land in the"
                                + " other tenant"));
            } else if (!rows.get(0).tenantExists()
                    || !activeStatuses.contains(rows.get(0).tenantStatus())) {
                problems.add(Problem.of(
                        object,
                        "routes to a tenant that is missing or not active",
                        "an existing tenant with a status in " + activeStatuses,
                        rows.get(0).tenantExists() ? "status " + rows.get(0).tenantStatus() : "no such tenant",
                        "Create or reactivate the tenant, or remove the route"));
            }
        }
        return problems;
    }

    private String aliasesOfTenant(String tenantId) {
        List<AliasRoute> rows = byTenant.getOrDefault(tenantId, List.of());
        if (rows.isEmpty()) {
            return "no routing row for the tenant";
        }
        return "the tenant's rows contain " + column + " "
                + rows.stream()
                        .map(row -> row.alias() == null ? "NULL" : "'" + row.alias() + "'")
                        .collect(Collectors.joining(", "));
    }
}
