package dev.catalogsmoke.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Resolved configuration of one run: built-in defaults, then the YAML file, then environment overrides.
 *
 * <p>Holds no credentials, so printing it reveals no secret. Every record is immutable and validated by {@link
 * ConfigLoader} before a check reads it.
 */
public record SmokeConfig(
        String source,
        String namespace,
        Credentials credentials,
        Kubernetes kubernetes,
        Postgres postgres,
        Map<Catalog, CatalogConfig> catalogs,
        Model model,
        Map<Catalog, List<TableContract>> schemaContract,
        Seed seed,
        Waits waits,
        Publish publish,
        CutoverConfig cutover,
        Keycloak keycloak,
        PlatformAuth platformAuth,
        RoutingKey routingKey,
        Run run) {

    public CatalogConfig catalog(Catalog catalog) {
        return catalogs.get(catalog);
    }

    /** Source of the database credentials. */
    public record Credentials(CredentialsSource source, String file) {}

    /** Access to the Kubernetes API; an empty {@code apiServer} means service account in a pod, else kubeconfig. */
    public record Kubernetes(boolean enabled, String apiServer, Duration requestTimeout) {}

    /** The CNPG cluster's read-write service and how sessions are opened on it. */
    public record Postgres(
            String cluster,
            String host,
            int port,
            Tls tls,
            Duration connectTimeout,
            Duration statementTimeout,
            String applicationName) {}

    /** TLS policy; the CA comes from {@code caSecret}/{@code caKey} in Kubernetes, or from {@code caFile}. */
    public record Tls(TlsMode mode, String caSecret, String caKey, String caFile) {}

    /** One catalog's database, role, credentials Secret, CNPG resource and Flyway history. */
    public record CatalogConfig(
            String database, String role, String secret, String cnpgDatabase, FlywayHistory flyway) {}

    /** Location of Flyway's history table and the baseline manifest it must match. */
    public record FlywayHistory(boolean enabled, SqlIdentifier schema, SqlIdentifier table, String manifest) {}

    /** Table and column names of the data model; every one is a validated SQL identifier. */
    public record Model(IdentityModel identity, TenancyModel tenancy) {}

    public record IdentityModel(SqlIdentifier schema, UsersTable users, ExternalIdentitiesTable externalIdentities) {}

    public record UsersTable(SqlIdentifier table, SqlIdentifier userId) {}

    public record ExternalIdentitiesTable(
            SqlIdentifier table, SqlIdentifier issuer, SqlIdentifier subject, SqlIdentifier userId) {}

    public record TenancyModel(
            SqlIdentifier schema,
            TenantsTable tenants,
            RoutingTable routing,
            MembershipsTable memberships,
            AliasesTable aliases) {}

    public record TenantsTable(
            SqlIdentifier table,
            SqlIdentifier tenantId,
            SqlIdentifier slug,
            SqlIdentifier status,
            List<String> activeStatuses) {}

    /**
     * The routing table: the issuer column, the tenant column, and the column with the alias of the brokered
     * identity provider, read only when {@code routingKey.strategy} is {@code idp_alias}.
     */
    public record RoutingTable(
            SqlIdentifier table, SqlIdentifier issuer, SqlIdentifier tenantId, SqlIdentifier idpAlias) {}

    public record MembershipsTable(SqlIdentifier table, SqlIdentifier userId) {}

    public record AliasesTable(SqlIdentifier table, SqlIdentifier legacyTenantId, SqlIdentifier tenantId) {}

    /** A table that the schema contract requires, with its columns and the column sets that must be unique. */
    public record TableContract(SqlIdentifier table, List<SqlIdentifier> columns, List<List<SqlIdentifier>> unique) {}

    /** The tenants that the seed jobs wrote and that every environment must serve. */
    public record Seed(List<SeedTenant> tenants) {}

    /**
     * A seeded tenant: its id, slug, realm (the slug when empty), issuer, and the alias of its identity provider
     * in the broker realm under {@code routingKey.strategy} {@code idp_alias} (the realm name when empty).
     */
    public record SeedTenant(String id, String slug, String realm, String issuer, String idpAlias) {

        public SeedTenant {
            realm = realm == null ? "" : realm;
            idpAlias = idpAlias == null ? "" : idpAlias;
        }

        public SeedTenant(String id, String slug, String realm, String issuer) {
            this(id, slug, realm, issuer, "");
        }

        /** Returns the realm name, the slug when no realm is configured. */
        public String realmName() {
            return realm.isEmpty() ? slug : realm;
        }

        /** Returns the alias of the tenant's identity provider in the broker realm. */
        public String alias() {
            return idpAlias.isEmpty() ? realmName() : idpAlias;
        }
    }

    /**
     * How the run executes: at most {@code parallelism} check classes at once, and a {@code deadline} for the whole
     * run, after which checks still pending are reported NOT_READY.
     */
    public record Run(int parallelism, Duration deadline) {}

    /** Time budgets for each kind of wait, and how often a wait polls. */
    public record Waits(Duration pollInterval, Duration secret, Duration cnpgDatabase, Duration connection) {}

    /**
     * Destinations of a run's verdict that outlast its pod. The termination message is written on every run where the
     * file exists. The ConfigMap and the Event on {@code jobName} are written only with {@code --publish-result}.
     */
    public record Publish(
            String terminationMessagePath, String configMap, String jobName, String jobUid, String revision) {}

    /**
     * The Keycloak that serves the seeded realms, and the client and personas to log in with. {@code publicUrl} is the base that real clients use; {@code
     * internalUrl}, when set, is a second way in (such as the in-cluster Service) whose issuers must be the same. {@code
     * concurrency} is the number of realms whose requests run at the same time.
     */
    public record Keycloak(
            boolean enabled,
            String publicUrl,
            String internalUrl,
            String clientId,
            String redirectUri,
            TokenGrant grant,
            String personasSecret,
            String personasFile,
            String adminSecret,
            Duration requestTimeout,
            Duration realmBudget,
            int concurrency) {}

    /**
     * The platform's tenant-resolution endpoint and the inputs of its negative contracts: the claim and header a
     * caller could forge, the optional scope that makes Keycloak add a conflicting claim, and a realm without routing.
     */
    public record PlatformAuth(
            boolean enabled,
            String endpoint,
            String method,
            String tenantPointer,
            String tenantClaim,
            String tenantHeader,
            String conflictingClaimScope,
            String unroutedRealm) {}

    /**
     * Routing key strategy of the platform. {@code ISSUER}: from the token's {@code iss}, one realm per tenant.
     * {@code IDP_ALIAS}: every persona logs in through {@code brokerRealm}, which brokers one identity provider per
     * tenant; the token's {@code aliasClaim} names the provider, and the routing table's alias column maps it to
     * the tenant.
     */
    public record RoutingKey(RoutingStrategy strategy, String brokerRealm, String aliasClaim) {

        public boolean byAlias() {
            return strategy == RoutingStrategy.IDP_ALIAS;
        }
    }
}
