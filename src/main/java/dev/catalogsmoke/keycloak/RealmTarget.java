package dev.catalogsmoke.keycloak;

import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import dev.catalogsmoke.routing.RouteRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A seeded realm and the issuer it must advertise: the routing row's issuer for the realm's tenant, or the seed's
 * issuer when the tenant has no routing row (the routing check reports that case).
 */
public record RealmTarget(SeedTenant tenant, String expectedIssuer, boolean routed) {

    public String realm() {
        return tenant.realmName();
    }

    /** Pairs each seeded tenant with its routing row, looked up by tenant id, so a near-miss row is still compared. */
    public static List<RealmTarget> of(List<SeedTenant> seed, Map<String, List<RouteRow>> routes) {
        Map<String, String> issuerByTenant = new HashMap<>();
        routes.values().stream()
                .flatMap(List::stream)
                .forEach(row -> issuerByTenant.merge(
                        row.tenantId(),
                        row.issuer(),
                        (first, second) -> first.compareTo(second) <= 0 ? first : second));
        List<RealmTarget> targets = new ArrayList<>();
        for (SeedTenant tenant : seed) {
            String routedIssuer = issuerByTenant.get(tenant.id());
            targets.add(new RealmTarget(
                    tenant, routedIssuer == null ? tenant.issuer() : routedIssuer, routedIssuer != null));
        }
        return targets;
    }

    public String describe() {
        return "realm " + realm() + " (tenant " + tenant.slug() + ")";
    }
}
