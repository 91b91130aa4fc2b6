package dev.catalogsmoke.keycloak;

import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import dev.catalogsmoke.routing.RouteRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A seeded realm, the issuer it must advertise, and where that issuer comes from, for messages. The issuer is the
 * routing row's for the realm's tenant. It is the seed's when the tenant has no routing row (the routing check
 * reports that case) or when tenants are routed by identity provider alias.
 */
public record RealmTarget(SeedTenant tenant, String expectedIssuer, String issuerSource) {

    static final String ROUTED = "routing row's";
    static final String UNROUTED = "seeded (no routing row)";
    static final String SEEDED = "seeded";

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
            targets.add(
                    routedIssuer == null
                            ? new RealmTarget(tenant, tenant.issuer(), UNROUTED)
                            : new RealmTarget(tenant, routedIssuer, ROUTED));
        }
        return targets;
    }

    /**
     * Pairs each seeded tenant with its seeded issuer, for routing by identity provider alias, where the routing
     * table's issuer column is not the routing key.
     */
    public static List<RealmTarget> ofSeed(List<SeedTenant> seed) {
        return seed.stream()
                .map(tenant -> new RealmTarget(tenant, tenant.issuer(), SEEDED))
                .toList();
    }

    public String describe() {
        return "realm " + realm() + " (tenant " + tenant.slug() + ")";
    }
}
