package dev.catalogsmoke.sandbox;

import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The data the dev seed jobs write, for {@code n} tenants: per tenant one realm and issuer, five users with one
 * external identity each, one organization with ten memberships (five users in two roles), and one legacy alias.
 *
 * <p>Ids are derived from the tenant slug, so every run writes the same data. Each table is filled with one
 * set-based statement whatever {@code n} is.
 */
final class SandboxSeed {

    static final int USERS_PER_TENANT = 5;

    private static final List<String> NAMED = List.of("acme", "globex", "initech");

    private final List<SeedTenant> tenants;

    private SandboxSeed(List<SeedTenant> tenants) {
        this.tenants = tenants;
    }

    static SandboxSeed of(int count, String issuerBase) {
        List<SeedTenant> tenants = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String slug = i <= NAMED.size() ? NAMED.get(i - 1) : String.format("tenant-%06d", i);
            String id = UUID.nameUUIDFromBytes(("tenant/" + slug).getBytes(StandardCharsets.UTF_8))
                    .toString();
            tenants.add(new SeedTenant(id, slug, slug, issuerBase + "/realms/" + slug));
        }
        return new SandboxSeed(List.copyOf(tenants));
    }

    /** Returns this seed with the tenant's issuer ending in '/', as {@link Fault#REALM_ISSUER_TRAILING_SLASH} needs. */
    SandboxSeed withTrailingSlash(String slug) {
        return new SandboxSeed(tenants.stream()
                .map(tenant -> tenant.slug().equals(slug)
                        ? new SeedTenant(tenant.id(), tenant.slug(), tenant.realm(), tenant.issuer() + "/")
                        : tenant)
                .toList());
    }

    List<SeedTenant> tenants() {
        return tenants;
    }

    void writeIdentity(Connection connection) throws SQLException {
        String source = " FROM unnest(?::text[], ?::text[]) AS s(slug, issuer), generate_series(1, " + USERS_PER_TENANT
                + ") AS k";
        execute(
                connection,
                "INSERT INTO users (user_id, email, display_name) SELECT md5(s.slug || '/user/' || k)::uuid,"
                        + " 'user' || k || '@' || s.slug || '.example.test', 'User ' || k || ' of ' || s.slug"
                        + source);
        execute(
                connection,
                "INSERT INTO external_identities (issuer, subject, user_id) SELECT s.issuer,"
                        + " md5(s.slug || '/subject/' || k)::uuid::text, md5(s.slug || '/user/' || k)::uuid" + source);
    }

    void writeTenancy(Connection connection) throws SQLException {
        String source = " FROM unnest(?::text[], ?::text[], ?::text[]) AS s(id, slug, issuer)";
        execute3(
                connection,
                "INSERT INTO tenants (tenant_id, tenant_slug, status) SELECT s.id::uuid, s.slug," + " 'active'"
                        + source);
        execute3(
                connection,
                "INSERT INTO tenant_routing_view (issuer, tenant_id, realm_name, idp_alias) SELECT s.issuer,"
                        + " s.id::uuid, s.slug, s.slug" + source);
        execute3(
                connection,
                "INSERT INTO organizations (organization_id, tenant_id, name) SELECT"
                        + " md5(s.slug || '/org')::uuid, s.id::uuid, s.slug || ' main'" + source);
        execute3(
                connection,
                "INSERT INTO memberships (organization_id, user_id, role) SELECT"
                        + " md5(s.slug || '/org')::uuid, md5(s.slug || '/user/' || k)::uuid, r" + source
                        + ", generate_series(1, " + USERS_PER_TENANT + ") AS k, unnest(ARRAY['member', 'admin']) AS r");
        execute3(
                connection,
                "INSERT INTO tenant_aliases (legacy_tenant_id, tenant_id) SELECT 'legacy-' || s.slug," + " s.id::uuid"
                        + source);
    }

    private void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(
                    1,
                    connection.createArrayOf(
                            "text", tenants.stream().map(SeedTenant::slug).toArray()));
            statement.setArray(
                    2,
                    connection.createArrayOf(
                            "text", tenants.stream().map(SeedTenant::issuer).toArray()));
            statement.executeUpdate();
        }
    }

    private void execute3(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(
                    1,
                    connection.createArrayOf(
                            "text", tenants.stream().map(SeedTenant::id).toArray()));
            statement.setArray(
                    2,
                    connection.createArrayOf(
                            "text", tenants.stream().map(SeedTenant::slug).toArray()));
            statement.setArray(
                    3,
                    connection.createArrayOf(
                            "text", tenants.stream().map(SeedTenant::issuer).toArray()));
            statement.executeUpdate();
        }
    }
}
