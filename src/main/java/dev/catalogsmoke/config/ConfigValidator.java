package dev.catalogsmoke.config;

import dev.catalogsmoke.config.SmokeConfig.CatalogConfig;
import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import dev.catalogsmoke.config.SmokeConfig.TableContract;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the rules that a bound {@link SmokeConfig} must meet beyond its types. */
final class ConfigValidator {

    /** Maximum length of any string value in the configuration. */
    static final int MAX_VALUE_LENGTH = 2048;

    /** A DNS subdomain name (RFC 1123), which Kubernetes requires of a ConfigMap's name. */
    private static final Pattern KUBERNETES_NAME =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /** Upper bound of run.parallelism: each concurrent check may hold two database sessions. */
    static final int MAX_PARALLELISM = 16;

    /** Upper bound of keycloak.concurrency, the number of realms whose requests one run sends at the same time. */
    static final int MAX_KEYCLOAK_CONCURRENCY = 64;

    private final String source;
    private final Map<String, String> fromEnvironment;

    /** {@code fromEnvironment} maps each key an environment variable set to that variable, so errors name it. */
    ConfigValidator(String source, Map<String, String> fromEnvironment) {
        this.source = source;
        this.fromEnvironment = fromEnvironment;
    }

    void validate(SmokeConfig config) {
        requireText("namespace", config.namespace());
        validateCredentials(config);
        validatePostgres(config.postgres(), config.credentials().source());
        for (Catalog catalog : Catalog.values()) {
            validateCatalog(catalog, config.catalog(catalog));
            validateContract(catalog, config.schemaContract().get(catalog));
        }
        validateSeed(config.seed().tenants());
        validateWaits(config.waits());
        validatePublish(config.publish());
        validateCutover(config.cutover(), config.credentials().source());
        validateKeycloak(config.keycloak());
        validatePlatformAuth(config.platformAuth(), config.keycloak());
        validateRoutingKey(config.routingKey(), config.keycloak());
        validateRun(config.run());
    }

    private void validateKeycloak(SmokeConfig.Keycloak keycloak) {
        requirePositive("keycloak.requestTimeout", keycloak.requestTimeout());
        requirePositive("keycloak.realmBudget", keycloak.realmBudget());
        if (keycloak.concurrency() < 1 || keycloak.concurrency() > MAX_KEYCLOAK_CONCURRENCY) {
            throw invalid(
                    "keycloak.concurrency",
                    String.valueOf(keycloak.concurrency()),
                    "expected 1 (one realm at a time) to " + MAX_KEYCLOAK_CONCURRENCY);
        }
        if (!keycloak.enabled()) {
            return;
        }
        requireBaseUrl("keycloak.publicUrl", keycloak.publicUrl());
        if (!keycloak.internalUrl().isEmpty()) {
            requireBaseUrl("keycloak.internalUrl", keycloak.internalUrl());
        }
        requireText("keycloak.clientId", keycloak.clientId());
        requireAbsoluteUrl("keycloak.redirectUri", keycloak.redirectUri());
    }

    private void validatePlatformAuth(SmokeConfig.PlatformAuth platform, SmokeConfig.Keycloak keycloak) {
        if (!platform.enabled()) {
            return;
        }
        if (!keycloak.enabled()) {
            throw invalid("platformAuth.enabled", "true", "the platform contracts need tokens, so enable keycloak too");
        }
        requireText("platformAuth.endpoint", platform.endpoint());
        requireAbsoluteUrl("platformAuth.endpoint", platform.endpoint());
        if (!Set.of("GET", "POST").contains(platform.method())) {
            throw invalid("platformAuth.method", platform.method(), "expected GET or POST");
        }
        if (!platform.tenantPointer().startsWith("/")) {
            throw invalid(
                    "platformAuth.tenantPointer",
                    platform.tenantPointer(),
                    "expected a JSON Pointer (RFC 6901) such as /tenantId or /tenant/id");
        }
        requireText("platformAuth.tenantClaim", platform.tenantClaim());
        requireText("platformAuth.tenantHeader", platform.tenantHeader());
    }

    private void requireBaseUrl(String key, String value) {
        requireText(key, value);
        requireAbsoluteUrl(key, value);
        if (value.endsWith("/")) {
            throw invalid(key, value, "expected a base URL without a trailing '/', such as https://auth.example.test");
        }
    }

    private void validateCredentials(SmokeConfig config) {
        if (config.credentials().source() == CredentialsSource.FILE) {
            requireText("credentials.file", config.credentials().file());
        }
        if (config.credentials().source() == CredentialsSource.KUBERNETES
                && !config.kubernetes().enabled()) {
            throw invalid(
                    "credentials.source",
                    "kubernetes",
                    "kubernetes.enabled is false; set credentials.source to file or env, or enable Kubernetes");
        }
    }

    private void validatePostgres(SmokeConfig.Postgres postgres, CredentialsSource credentials) {
        requireText("postgres.host", postgres.host());
        if (postgres.port() < 1 || postgres.port() > 65535) {
            throw invalid("postgres.port", String.valueOf(postgres.port()), "expected a port from 1 to 65535");
        }
        requirePositive("postgres.connectTimeout", postgres.connectTimeout());
        requirePositive("postgres.statementTimeout", postgres.statementTimeout());
        requireText("postgres.applicationName", postgres.applicationName());
        SmokeConfig.Tls tls = postgres.tls();
        if (tls.mode() == TlsMode.VERIFY_FULL && credentials != CredentialsSource.KUBERNETES) {
            requireText("postgres.tls.caFile", tls.caFile());
        }
        if (tls.mode() == TlsMode.VERIFY_FULL
                && credentials == CredentialsSource.KUBERNETES
                && tls.caFile().isEmpty()) {
            requireText("postgres.tls.caSecret", tls.caSecret());
            requireText("postgres.tls.caKey", tls.caKey());
        }
    }

    private void validateCatalog(Catalog catalog, CatalogConfig settings) {
        String prefix = "catalogs." + catalog.key();
        if (settings == null) {
            throw invalid(prefix, "(missing)", "both catalogs, identity and tenancy, must be configured");
        }
        requireText(prefix + ".database", settings.database());
        requireText(prefix + ".role", settings.role());
        requireText(prefix + ".secret", settings.secret());
        requireLength(prefix + ".cnpgDatabase", settings.cnpgDatabase());
        requireLength(prefix + ".flyway.manifest", settings.flyway().manifest());
    }

    private void validateContract(Catalog catalog, List<TableContract> tables) {
        if (tables == null) {
            throw invalid("schemaContract." + catalog.key(), "(missing)", "expected a list of tables, may be []");
        }
        for (int i = 0; i < tables.size(); i++) {
            TableContract table = tables.get(i);
            String key = "schemaContract." + catalog.key() + "[" + i + "]";
            if (table.table() == null
                    || table.columns() == null
                    || table.columns().isEmpty()) {
                throw invalid(key, String.valueOf(table.table()), "each table needs 'table' and a non-empty 'columns'");
            }
        }
    }

    private void validateRoutingKey(SmokeConfig.RoutingKey routingKey, SmokeConfig.Keycloak keycloak) {
        if (routingKey.strategy() == null) {
            throw invalid("routingKey.strategy", "(empty)", "expected issuer or idp_alias");
        }
        requireLength("routingKey.brokerRealm", routingKey.brokerRealm());
        requireLength("routingKey.aliasClaim", routingKey.aliasClaim());
        if (!routingKey.byAlias() || !keycloak.enabled()) {
            return;
        }
        if (routingKey.brokerRealm().isBlank()) {
            throw invalid(
                    "routingKey.brokerRealm",
                    "'" + routingKey.brokerRealm() + "'",
                    "routingKey.strategy idp_alias logs the personas in through the broker realm, so name it");
        }
        requireText("routingKey.aliasClaim", routingKey.aliasClaim());
        if (keycloak.grant() == TokenGrant.PASSWORD) {
            throw invalid(
                    "keycloak.grant",
                    keycloak.grant().toString(),
                    "routingKey.strategy idp_alias logs personas in through a brokered identity provider, which"
                            + " the password grant cannot do; use authorization-code");
        }
    }

    private void validateSeed(List<SeedTenant> tenants) {
        Set<String> slugs = new HashSet<>();
        Set<String> issuers = new HashSet<>();
        for (int i = 0; i < tenants.size(); i++) {
            SeedTenant tenant = tenants.get(i);
            String key = "seed.tenants[" + i + "]";
            requireText(key + ".id", tenant.id());
            requireText(key + ".slug", tenant.slug());
            requireText(key + ".issuer", tenant.issuer());
            requireLength(key + ".realm", tenant.realm());
            requireLength(key + ".idpAlias", tenant.idpAlias());
            requireAbsoluteUrl(key + ".issuer", tenant.issuer());
            if (!slugs.add(tenant.slug())) {
                throw invalid(key + ".slug", tenant.slug(), "each seeded tenant needs its own slug");
            }
            if (!issuers.add(tenant.issuer())) {
                throw invalid(key + ".issuer", tenant.issuer(), "each seeded tenant needs its own issuer");
            }
        }
    }

    private void validateWaits(SmokeConfig.Waits waits) {
        requirePositive("waits.pollInterval", waits.pollInterval());
        requireAtLeastPoll("waits.secret", waits.secret(), waits.pollInterval());
        requireAtLeastPoll("waits.cnpgDatabase", waits.cnpgDatabase(), waits.pollInterval());
        requireAtLeastPoll("waits.connection", waits.connection(), waits.pollInterval());
    }

    private void validatePublish(SmokeConfig.Publish publish) {
        requireLength("publish.terminationMessagePath", publish.terminationMessagePath());
        requireText("publish.configMap", publish.configMap());
        if (!KUBERNETES_NAME.matcher(publish.configMap()).matches()) {
            throw invalid(
                    "publish.configMap",
                    publish.configMap(),
                    "expected a Kubernetes object name: lower-case letters, digits, '-' and '.', at most 253");
        }
        requireLength("publish.jobName", publish.jobName());
        requireLength("publish.jobUid", publish.jobUid());
        requireLength("publish.revision", publish.revision());
    }

    private void validateCutover(CutoverConfig cutover, CredentialsSource credentials) {
        if (cutover.phase() == null) {
            throw invalid("cutover.phase", "(missing)", "expected prepare, backfill, cutover, lockdown or cleanup");
        }
        requireText("cutover.legacy.database", cutover.legacy().database());
        if (credentials == CredentialsSource.KUBERNETES) {
            requireText("cutover.legacy.secret", cutover.legacy().secret());
        }
        requireList("cutover.legacy.tables", cutover.legacy().tables());
        requireList("cutover.cleanup.allowedTables", cutover.cleanup().allowedTables());
        List<String> roles = cutover.lockdown().roles();
        if (roles == null || roles.isEmpty()) {
            throw invalid(
                    "cutover.lockdown.roles",
                    "[]",
                    "expected at least one application role whose writes to the legacy tables lockdown removes");
        }
        for (int i = 0; i < roles.size(); i++) {
            requireText("cutover.lockdown.roles[" + i + "]", roles.get(i));
        }
    }

    private void requireList(String key, List<?> values) {
        if (values == null || values.contains(null)) {
            throw invalid(key, "(missing)", "expected a list of names, may be []");
        }
    }

    private void validateRun(SmokeConfig.Run run) {
        if (run.parallelism() < 1 || run.parallelism() > MAX_PARALLELISM) {
            throw invalid(
                    "run.parallelism",
                    String.valueOf(run.parallelism()),
                    "expected 1 (one check class at a time) to " + MAX_PARALLELISM);
        }
        requirePositive("run.deadline", run.deadline());
    }

    private void requireAtLeastPoll(String key, Duration budget, Duration poll) {
        requirePositive(key, budget);
        if (budget.compareTo(poll) < 0) {
            throw invalid(
                    key,
                    DurationDeserializer.format(budget),
                    "expected a budget of at least waits.pollInterval (" + DurationDeserializer.format(poll) + ")");
        }
    }

    private void requireAbsoluteUrl(String key, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw invalid(key, value, "expected an absolute URL such as https://auth.example.test/realms/acme");
            }
        } catch (URISyntaxException e) {
            throw invalid(key, value, "expected an absolute URL such as https://auth.example.test/realms/acme");
        }
    }

    private void requirePositive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw invalid(
                    key,
                    value == null ? "(missing)" : DurationDeserializer.format(value),
                    "expected a positive duration such as 500ms, 90s or 2m");
        }
    }

    private void requireText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(key, value == null ? "(missing)" : "'" + value + "'", "expected a non-empty value");
        }
        requireLength(key, value);
    }

    private void requireLength(String key, String value) {
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            throw invalid(key, value.length() + " characters", "expected at most " + MAX_VALUE_LENGTH + " characters");
        }
    }

    private ConfigException invalid(String key, String value, String expectation) {
        String shown = value.length() > 80 ? value.substring(0, 77) + "..." : value;
        String setBy = fromEnvironment.get(key);
        if (setBy != null) {
            return new ConfigException("environment variable " + setBy + ": key '" + key + "': invalid value " + shown
                    + "; " + expectation);
        }
        String variable = key.contains("[")
                ? ""
                : " (environment variable " + ConfigPaths.environmentVariable(key) + " overrides it)";
        return new ConfigException(
                source + ": key '" + key + "': invalid value " + shown + "; " + expectation + variable);
    }
}
