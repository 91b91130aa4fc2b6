package dev.catalogsmoke.checks;

import java.util.List;

/** Every class of checks, in report order; the runner selects these instead of scanning the class path. */
public final class Checks {

    public static final List<Class<?>> ALL = List.of(
            SecretsCheck.class,
            ConnectivityCheck.class,
            FlywayBaselineCheck.class,
            SchemaContractCheck.class,
            RoutingCheck.class,
            CrossCatalogCheck.class,
            LegacyCatalogCheck.class,
            BackfillParityCheck.class,
            KeycloakRealmCheck.class,
            PlatformAuthCheck.class);

    private Checks() {}
}
