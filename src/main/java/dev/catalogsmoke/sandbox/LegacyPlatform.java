package dev.catalogsmoke.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * The legacy {@code platform} database as it was before the split: role {@code platform} owns it and its pre-split
 * tables, and the services' role {@code platform_app} reads and writes them. The suite reads it with the {@code
 * platform} role's credentials, from Secret {@code platform-db-credentials}.
 */
final class LegacyPlatform {

    static final String DATABASE = "platform";
    static final String OWNER = "platform";
    static final String APPLICATION_ROLE = "platform_app";
    static final String SECRET = "platform-db-credentials";

    private final EmbeddedCluster cluster;
    private final String password;

    LegacyPlatform(EmbeddedCluster cluster, String password) {
        this.cluster = cluster;
        this.password = password;
    }

    /**
     * Creates the owner and application roles, hands the database to its owner, migrates the pre-split tables and
     * grants the application role what the services had: read and write, no TRUNCATE.
     */
    void create() {
        cluster.execute(
                "postgres",
                "CREATE ROLE " + OWNER + " LOGIN PASSWORD " + EmbeddedCluster.literal(password),
                // The services' login role; the sandbox never logs in with it, it only needs its privileges.
                "CREATE ROLE " + APPLICATION_ROLE + " NOLOGIN",
                "ALTER DATABASE " + DATABASE + " OWNER TO " + OWNER,
                "REVOKE CONNECT, TEMPORARY ON DATABASE " + DATABASE + " FROM PUBLIC",
                "GRANT CONNECT ON DATABASE " + DATABASE + " TO " + OWNER + ", " + APPLICATION_ROLE);
        Flyway.configure()
                .dataSource(cluster.jdbcUrl(DATABASE), OWNER, password)
                .locations("classpath:sandbox/migrations/" + DATABASE)
                .load()
                .migrate();
        cluster.execute(
                DATABASE,
                "GRANT USAGE ON SCHEMA public TO " + APPLICATION_ROLE,
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + APPLICATION_ROLE);
    }

    /** Writes the seed into the pre-split tables, with the same rows the seed jobs write into the new catalogs. */
    void seed(SandboxSeed seed) {
        try (Connection platform = cluster.superuser(DATABASE)) {
            seed.writeIdentity(platform);
            seed.writeTenancy(platform);
        } catch (SQLException e) {
            throw new IllegalStateException("writing the legacy seed failed: " + e.getMessage(), e);
        }
    }

    /** Takes every write privilege on the legacy tables from the application role, as the lockdown step does. */
    void lockDown() {
        cluster.execute(
                DATABASE,
                "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public FROM " + APPLICATION_ROLE);
    }

    /**
     * Drops the legacy tables, as the cleanup step does, except {@code tenant_routing} when {@code keepRouting} is
     * set for {@link Fault#LEGACY_TABLES_PRESENT}.
     */
    void dropTables(boolean keepRouting) {
        cluster.execute(
                DATABASE,
                "DROP VIEW tenant_routing_view",
                "DROP TABLE memberships, organizations, tenant_aliases, external_identities, users CASCADE",
                keepRouting ? "DROP TABLE tenants CASCADE" : "DROP TABLE tenant_routing, tenants CASCADE");
    }

    /** Returns the keys of the credentials Secret, laid out as CNPG writes them for a managed role. */
    Map<String, String> secretData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("username", OWNER);
        data.put("password", password);
        return data;
    }
}
