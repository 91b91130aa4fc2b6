package dev.catalogsmoke.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-time copy from the legacy {@code platform} tables into the identity and tenancy catalogs, as the real
 * backfill job does it: every column unchanged, tables in foreign-key order, rows in key order, so two runs on the
 * same legacy data write the same rows. Each table streams through {@code COPY}, so memory stays bounded.
 */
final class SandboxBackfill {

    private static final Logger log = LoggerFactory.getLogger(SandboxBackfill.class);

    /** One table to copy: the legacy query, the target database, and the target table with its columns. */
    private record Copy(String query, String database, String target) {}

    private static final List<Copy> COPIES = List.of(
            new Copy(
                    "SELECT user_id, email, display_name, created_at FROM users ORDER BY user_id",
                    "identity",
                    "users (user_id, email, display_name, created_at)"),
            new Copy(
                    "SELECT issuer, subject, user_id, linked_at FROM external_identities ORDER BY issuer, subject",
                    "identity",
                    "external_identities (issuer, subject, user_id, linked_at)"),
            new Copy(
                    "SELECT tenant_id, tenant_slug, status, created_at FROM tenants ORDER BY tenant_id",
                    "tenancy",
                    "tenants (tenant_id, tenant_slug, status, created_at)"),
            new Copy(
                    "SELECT issuer, tenant_id, realm_name, idp_alias FROM tenant_routing ORDER BY issuer, tenant_id",
                    "tenancy",
                    "tenant_routing_view (issuer, tenant_id, realm_name, idp_alias)"),
            new Copy(
                    "SELECT organization_id, tenant_id, name FROM organizations ORDER BY organization_id",
                    "tenancy",
                    "organizations (organization_id, tenant_id, name)"),
            new Copy(
                    "SELECT organization_id, user_id, role FROM memberships ORDER BY organization_id, user_id, role",
                    "tenancy",
                    "memberships (organization_id, user_id, role)"),
            new Copy(
                    "SELECT legacy_tenant_id, tenant_id FROM tenant_aliases ORDER BY legacy_tenant_id",
                    "tenancy",
                    "tenant_aliases (legacy_tenant_id, tenant_id)"));

    private SandboxBackfill() {}

    static void run(EmbeddedCluster cluster) {
        long started = System.nanoTime();
        try (Connection platform = cluster.superuser(LegacyPlatform.DATABASE);
                Connection identity = cluster.superuser("identity");
                Connection tenancy = cluster.superuser("tenancy")) {
            for (Copy copy : COPIES) {
                long rows = copy(platform, copy.database().equals("identity") ? identity : tenancy, copy);
                log.debug("backfill copied {} rows into {}.{}", rows, copy.database(), copy.target());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the sandbox backfill failed: " + e.getMessage(), e);
        }
        log.info("sandbox backfill copied the legacy tables in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static long copy(Connection from, Connection to, Copy copy) throws SQLException {
        CopyOut out = from.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + copy.query() + ") TO STDOUT");
        CopyIn in = to.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + copy.target() + " FROM STDIN");
        try {
            byte[] row;
            while ((row = out.readFromCopy()) != null) {
                in.writeToCopy(row, 0, row.length);
            }
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
    }
}
