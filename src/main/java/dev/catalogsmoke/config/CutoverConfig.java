package dev.catalogsmoke.config;

import dev.catalogsmoke.config.SmokeConfig.ExternalIdentitiesTable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cutover phase of this run and where the legacy catalog lives: the {@code platform} database on the same
 * cluster, read with the role in its credentials Secret.
 */
public record CutoverConfig(CutoverPhase phase, Legacy legacy, Lockdown lockdown, Cleanup cleanup) {

    /**
     * The legacy database, its credentials Secret, the schema that contains the pre-split tables, and the names of the
     * tables and columns that the backfill copied to the new catalogs.
     */
    public record Legacy(
            String database,
            String secret,
            SqlIdentifier schema,
            List<SqlIdentifier> tables,
            LegacyRoutingTable routing,
            ExternalIdentitiesTable externalIdentities) {

        /** Returns every legacy relation the cutover retires: {@code tables} plus the two compared tables. */
        public Set<SqlIdentifier> allTables() {
            Set<SqlIdentifier> all = new LinkedHashSet<>(tables);
            all.add(routing.table());
            all.add(externalIdentities.table());
            return all;
        }
    }

    /** The legacy routing table and its issuer and tenant columns. */
    public record LegacyRoutingTable(SqlIdentifier table, SqlIdentifier issuer, SqlIdentifier tenantId) {}

    /** The application roles that must hold no INSERT, UPDATE, DELETE or TRUNCATE privilege on legacy tables. */
    public record Lockdown(List<String> roles) {}

    /** Legacy tables that may remain after cleanup, for example to keep an audit trail. */
    public record Cleanup(List<SqlIdentifier> allowedTables) {}
}
