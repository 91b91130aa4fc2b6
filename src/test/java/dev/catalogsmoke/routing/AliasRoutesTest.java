package dev.catalogsmoke.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import dev.catalogsmoke.engine.Problem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AliasRoutesTest {

    private static final String COLUMN = "tenant_routing_view.idp_alias";
    private static final SeedTenant ACME = new SeedTenant("t-acme", "acme", "acme", "https://h/realms/acme");
    private static final SeedTenant GLOBEX =
            new SeedTenant("t-globex", "globex", "", "https://h/realms/globex", "globex-oidc");
    private static final Set<String> ACTIVE = Set.of("active");

    @Test
    void matchingRowsPass() {
        AliasRouting routing = new AliasRouting(
                List.of(
                        new AliasRoute("acme", "t-acme", true, "active"),
                        new AliasRoute("globex-oidc", "t-globex", true, "active")),
                COLUMN);

        assertThat(routing.judge(List.of(ACME, GLOBEX), ACTIVE)).isEmpty();
        assertThat(routing.tenantOf("globex-oidc")).contains("t-globex");
        assertThat(routing.tenantOf("globex")).isEmpty();
    }

    @Test
    void missingAliasShowsTenantRows() {
        AliasRouting routing = new AliasRouting(List.of(new AliasRoute(null, "t-acme", true, "active")), COLUMN);

        List<Problem> problems = routing.judge(List.of(ACME), ACTIVE);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line())
                .startsWith("seeded tenant acme, alias 'acme': no routing row has this " + COLUMN)
                .contains("the tenant's rows contain " + COLUMN + " NULL");
    }

    @Test
    void aliasOfAnotherTenantFails() {
        AliasRouting routing =
                new AliasRouting(List.of(new AliasRoute("globex-oidc", "t-acme", true, "active")), COLUMN);

        List<Problem> problems = routing.judge(List.of(GLOBEX), ACTIVE);

        assertThat(problems.get(0).line())
                .contains("routes to another tenant")
                .contains("expected tenant t-globex")
                .contains("actual tenant t-acme");
    }

    @Test
    void suspendedTenantFails() {
        AliasRouting routing = new AliasRouting(List.of(new AliasRoute("acme", "t-acme", true, "suspended")), COLUMN);

        assertThat(routing.judge(List.of(ACME), ACTIVE).get(0).line())
                .contains("routes to a tenant that is missing or not active")
                .contains("status suspended");
    }

    @Test
    void aliasOnTwoRowsFails() {
        AliasRouting routing = new AliasRouting(
                List.of(
                        new AliasRoute("acme", "t-acme", true, "active"),
                        new AliasRoute("acme", "t-x", true, "active")),
                COLUMN);

        assertThat(routing.judge(List.of(ACME), ACTIVE).get(0).line()).contains("routes to 2 rows");
        assertThat(routing.tenantOf("acme")).isEmpty();
    }
}
