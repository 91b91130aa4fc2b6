package dev.catalogsmoke.checks;

import java.util.regex.Pattern;

/** Stable ids of the checks, as reports print them. */
public final class CheckIdsForTests {

    public static final String SECRET_IDENTITY = "SecretsCheck.credentialsSecretIsUsable[identity]";
    public static final String SECRET_TENANCY = "SecretsCheck.credentialsSecretIsUsable[tenancy]";
    public static final String CNPG_IDENTITY = "SecretsCheck.cnpgDatabaseIsApplied[identity]";
    public static final String CNPG_TENANCY = "SecretsCheck.cnpgDatabaseIsApplied[tenancy]";
    public static final String CONNECT_IDENTITY = "ConnectivityCheck.roleConnectsToOwnDatabase[identity]";
    public static final String CONNECT_TENANCY = "ConnectivityCheck.roleConnectsToOwnDatabase[tenancy]";
    public static final String ISOLATION_IDENTITY = "ConnectivityCheck.roleCannotConnectToOtherDatabase[identity]";
    public static final String ISOLATION_TENANCY = "ConnectivityCheck.roleCannotConnectToOtherDatabase[tenancy]";
    public static final String FLYWAY_IDENTITY = "FlywayBaselineCheck.historyMatchesBaseline[identity]";
    public static final String FLYWAY_TENANCY = "FlywayBaselineCheck.historyMatchesBaseline[tenancy]";
    public static final String SCHEMA_IDENTITY = "SchemaContractCheck.tablesAndKeysExist[identity]";
    public static final String SCHEMA_TENANCY = "SchemaContractCheck.tablesAndKeysExist[tenancy]";
    public static final String ROUTING = "RoutingCheck.everyIssuerRoutesToOneActiveTenant";
    public static final String ROUTING_UNIQUE = "RoutingCheck.noIssuerMapsToTwoTenants";
    public static final String MEMBERSHIPS = "CrossCatalogCheck.membershipsReferenceExistingUsers";
    public static final String ALIASES = "CrossCatalogCheck.aliasesReferenceExistingTenants";

    public static final String ALIAS_ROUTING = "RoutingCheck.everySeededAliasRoutesToItsTenant";
    public static final String BROKER = "KeycloakRealmCheck.brokerHasIdentityProviderPerAlias";
    public static final String PERSONA = "PlatformAuthCheck.personaLandsInRoutedTenant";
    public static final String CLAIM = "PlatformAuthCheck.conflictingTenantClaimIsIgnored";
    public static final String HEADER = "PlatformAuthCheck.tenantHeaderIsIgnored";
    public static final String UNKNOWN = "PlatformAuthCheck.unknownIssuerIsRejected";
    public static final String SIGNATURE = "PlatformAuthCheck.brokenSignatureIsRejected";

    /** A compact JWS: three base64url parts. No report may contain one. */
    public static final Pattern JWT = Pattern.compile("eyJ[\\w-]+\\.eyJ[\\w-]+\\.[\\w-]+");

    private CheckIdsForTests() {}
}
