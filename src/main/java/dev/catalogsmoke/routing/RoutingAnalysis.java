package dev.catalogsmoke.routing;

import dev.catalogsmoke.engine.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges, for each issuer that must route, whether the routing table has exactly one row for it, to a tenant that
 * exists and is active (and is the seeded tenant, where the seed names one). Issuers match only as exact strings;
 * for a missing one, the nearest routing issuer is named with how it differs.
 */
public final class RoutingAnalysis {

    /** An issuer that must route: where it comes from, and the tenant it must reach when the seed names one. */
    public record RequiredIssuer(String issuer, String source, String expectedTenantId) {}

    private static final String EXACT = "Issuers are compared byte for byte, as OpenID Connect requires: write the"
            + " routing row with exactly the issuer Keycloak advertises";

    private final Map<String, List<RouteRow>> routes;
    private final Set<String> activeStatuses;
    private Map<String, List<String>> nearIndex;

    public RoutingAnalysis(Map<String, List<RouteRow>> routes, Set<String> activeStatuses) {
        this.routes = routes;
        this.activeStatuses = activeStatuses;
    }

    public List<Problem> judge(List<RequiredIssuer> required) {
        List<Problem> problems = new ArrayList<>();
        for (RequiredIssuer issuer : required) {
            judgeOne(issuer, problems);
        }
        return problems;
    }

    private void judgeOne(RequiredIssuer required, List<Problem> problems) {
        String object = "issuer " + required.issuer() + " (" + required.source() + ")";
        List<RouteRow> rows = routes.get(required.issuer());
        if (rows == null) {
            problems.add(missing(object, required));
            return;
        }
        if (rows.size() > 1) {
            problems.add(Problem.of(
                    object,
                    "has " + rows.size() + " routing rows",
                    "1 row",
                    rows.stream().map(RouteRow::tenantId).toList(),
                    "Delete the extra rows so the issuer names one" + " tenant"));
            return;
        }
        RouteRow row = rows.get(0);
        if (!row.tenantExists()) {
            problems.add(Problem.of(
                    object,
                    "routes to tenant " + row.tenantId() + ", which does not exist in" + " tenants",
                    "an existing tenant",
                    "tenant " + row.tenantId() + " missing",
                    "Create the tenant or fix the routing row's tenant id"));
        } else if (!activeStatuses.contains(row.tenantStatus())) {
            problems.add(Problem.of(
                    object,
                    "routes to tenant " + row.tenantId() + ", which is not active",
                    "status in " + activeStatuses,
                    "status '" + row.tenantStatus() + "'",
                    "Activate the tenant, or remove the issuer from the seed if the tenant is retired"));
        }
        if (required.expectedTenantId() != null && !required.expectedTenantId().equals(row.tenantId())) {
            problems.add(Problem.of(
                    object,
                    "routes to another tenant than the seed",
                    required.expectedTenantId(),
                    row.tenantId(),
                    "Fix the routing row or the seed; a login would land in the wrong tenant"));
        }
    }

    private Problem missing(String object, RequiredIssuer required) {
        List<String> near = nearMisses(required.issuer());
        if (near.isEmpty()) {
            return Problem.of(
                    object,
                    "has no routing row",
                    "1 row with this exact issuer",
                    "0 rows",
                    "Add the routing row; without it every login from this issuer is rejected");
        }
        String nearest = near.get(0);
        RouteRow row = routes.get(nearest).get(0);
        return Problem.of(
                object,
                "has no routing row with this exact issuer; the nearest row '" + nearest + "' (tenant " + row.tenantId()
                        + ") differs by " + IssuerDifference.describe(required.issuer(), nearest),
                "'" + required.issuer() + "'",
                "'" + nearest + "'",
                EXACT);
    }

    private List<String> nearMisses(String issuer) {
        if (nearIndex == null) {
            nearIndex = new HashMap<>();
            for (String candidate : routes.keySet()) {
                nearIndex
                        .computeIfAbsent(IssuerDifference.looseKey(candidate), key -> new ArrayList<>())
                        .add(candidate);
            }
        }
        List<String> near = new ArrayList<>(nearIndex.getOrDefault(IssuerDifference.looseKey(issuer), List.of()));
        near.sort(null);
        return near;
    }
}
