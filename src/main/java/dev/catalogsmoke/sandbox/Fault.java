package dev.catalogsmoke.sandbox;

import dev.catalogsmoke.config.CutoverPhase;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A named fault that {@code catalog-smoke sandbox --fault NAME} injects before the run. Most break exactly one
 * contract; the ones marked "passes" are variants a healthy environment may show and the suite must accept.
 */
public enum Fault {
    SECRET_MISSING_PASSWORD("identity credentials Secret has no 'password' key"),
    SECRET_THIN("passes: both Secrets hold only 'username' and 'password', without CNPG's extra keys"),
    SECRET_WRONG_TYPE("identity credentials Secret has type Opaque instead of kubernetes.io/basic-auth"),
    SECRET_WRONG_USERNAME("identity credentials Secret names role 'identity_app' instead of 'identity'"),
    SECRET_BINARY_PASSWORD("tenancy credentials Secret holds bytes that are not UTF-8 as its password"),
    PASSWORD_DRIFT("tenancy role's password was rotated in the database but not in its Secret"),
    DATABASE_NOT_APPLIED("CNPG Database 'tenancy' reports applied: false and the database does not exist"),
    DATABASE_STATUS_EMPTY("CNPG Database 'tenancy' has no status: the operator never reconciled it"),
    DATABASE_STATUS_UNREADABLE("CNPG Database 'identity' has status.applied \"yes\", a string, not a boolean"),
    SLOW_START("passes: the cluster refuses connections for its first 4 seconds, then serves"),
    CLUSTER_UNREACHABLE("the read-write service never accepts a connection within the wait budget"),
    CONNECT_GRANTED_TO_PUBLIC("database 'tenancy' grants CONNECT to PUBLIC, so the identity role gets in"),
    PUBLIC_SCHEMA_FOREIGN_OWNER("schema public of database 'identity' is owned by postgres, not the role"),
    TLS_CA_MISSING("the cluster's CA Secret has no 'ca.crt' key while postgres.tls.mode is verify-full"),
    TLS_HOST_MISMATCH("the server certificate names only 'postgres-ameide-rw', not the host used (127.0.0.1)"),
    TLS_SERVER_PLAINTEXT("the server has TLS turned off while postgres.tls.mode is verify-full"),
    FLYWAY_FAILED_ROW("identity history has a failed row for version 4"),
    FLYWAY_CHECKSUM_MISMATCH("identity history's checksum for version 2 differs from the baseline manifest"),
    FLYWAY_MISSING_VERSION("tenancy history lacks version 3 although version 4 is applied"),
    FLYWAY_UNKNOWN_VERSION("tenancy history has a version 5 that the baseline manifest does not list"),
    FLYWAY_HISTORY_MISSING("identity's history table sits in schema 'archive' instead of 'public'"),
    SCHEMA_MISSING_UNIQUE("identity external_identities lost its unique constraint on (issuer, subject)"),
    ROUTING_TRAILING_SLASH("routing row of tenant acme holds its issuer with a trailing '/'"),
    ROUTING_MISSING_ISSUER("routing row of tenant globex is missing"),
    ROUTING_INACTIVE_TENANT("tenant initech is suspended while its issuer still routes to it"),
    ROUTING_DUPLICATE_ISSUER("acme's issuer also routes to tenant globex"),
    ROUTING_UNLINKED_ISSUER("an external identity links an issuer that has no routing row"),
    ORPHAN_MEMBERSHIPS("three memberships name users missing from identity, one of them an external subject"),
    ALIAS_DANGLING("a tenant alias points at a tenant that does not exist"),
    BACKFILL_MISSING_ROWS("the backfill skipped two external identity links of tenant initech"),
    BACKFILL_TENANT_MISMATCH(
            "the backfill routed the issuer of tenant umbrella, which the seed does not list, to acme"),
    BACKFILL_DUPLICATE_ISSUER("legacy routing sends acme's issuer to globex as well; the backfill kept acme"),
    LEGACY_STILL_WRITABLE("lockdown left INSERT and UPDATE on legacy table tenant_routing to role platform_app"),
    LEGACY_TABLES_PRESENT("cleanup left legacy table tenant_routing in database platform"),
    REALM_MISSING("Keycloak does not serve realm globex although the seed declares it"),
    REALM_ISSUER_TRAILING_SLASH("seed and routing row hold acme's issuer with a trailing '/', Keycloak without"),
    KEYCLOAK_HOSTNAME_NOT_PINNED("realm acme has no fixed frontend URL, so its issuer follows the request's host"),
    PLATFORM_TRUSTS_TENANT_CLAIM("the platform takes the tenant from the token's tenantId claim when present"),
    PLATFORM_TRUSTS_TENANT_HEADER("the platform takes the tenant from the X-Tenant-Id header when present"),
    PLATFORM_DEFAULTS_UNKNOWN_ISSUER("the platform gives tokens of unrouted issuers the default tenant acme"),
    PLATFORM_SKIPS_SIGNATURE("the platform reads tokens without verifying their signature"),
    REALM_IMPORT_HAS_ERRORS("KeycloakRealmImport of realm initech reports HasErrors true, and keeps it"),
    REALM_USER_MISSING("realm initech lacks user3, whom the identity catalog links to initech's issuer"),
    ROUTING_ALIAS_MISSING("routing row of tenant initech has no idp_alias (with --routing-key idp_alias)"),
    ROUTING_DUPLICATE_ALIAS("alias 'acme' also routes to tenant globex (with --routing-key idp_alias)"),
    BROKER_PROVIDER_MISSING("the broker realm has no identity provider 'globex' (with --routing-key idp_alias)"),
    BROKER_ALIAS_CLAIM_MISSING(
            "the broker realm's client puts no identity_provider claim into tokens (with --routing-key idp_alias)");

    /** Returns whether the fault breaks routing by identity provider alias, so it needs that strategy. */
    public boolean needsAliasRouting() {
        return switch (this) {
            case ROUTING_ALIAS_MISSING, ROUTING_DUPLICATE_ALIAS, BROKER_PROVIDER_MISSING, BROKER_ALIAS_CLAIM_MISSING ->
                true;
            default -> false;
        };
    }

    /** Returns whether the fault needs the sandbox's Keycloak, so it cannot be combined with --no-keycloak. */
    public boolean needsKeycloak() {
        return switch (this) {
            case REALM_MISSING,
                    REALM_ISSUER_TRAILING_SLASH,
                    KEYCLOAK_HOSTNAME_NOT_PINNED,
                    PLATFORM_TRUSTS_TENANT_CLAIM,
                    PLATFORM_TRUSTS_TENANT_HEADER,
                    PLATFORM_DEFAULTS_UNKNOWN_ISSUER,
                    PLATFORM_SKIPS_SIGNATURE,
                    REALM_IMPORT_HAS_ERRORS,
                    REALM_USER_MISSING,
                    BROKER_PROVIDER_MISSING,
                    BROKER_ALIAS_CLAIM_MISSING -> true;
            default -> false;
        };
    }

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    /** Returns the name used on the command line, such as {@code password-drift}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }

    /** Returns the cutover phases in which the fault can be injected; every phase unless it is a cutover fault. */
    public Set<CutoverPhase> phases() {
        return CutoverFaults.phases(this);
    }

    public static Optional<Fault> fromCliName(String name) {
        return Arrays.stream(values())
                .filter(fault -> fault.cliName().equals(name))
                .findFirst();
    }
}
