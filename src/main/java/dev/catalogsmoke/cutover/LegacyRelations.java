package dev.catalogsmoke.cutover;

import dev.catalogsmoke.config.SqlIdentifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads which legacy relations still exist, and which write privileges application roles hold on them. */
public final class LegacyRelations {

    /** The privileges that let a role change a table's rows. */
    public static final List<String> WRITE_PRIVILEGES = List.of("INSERT", "UPDATE", "DELETE", "TRUNCATE");

    /** Relation kinds that hold or expose rows: tables, partitioned tables, views, materialized and foreign tables. */
    private static final String RELATION_KINDS = "('r', 'p', 'v', 'm', 'f')";

    private static final String PRESENT_SQL = "SELECT c.relname, CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN"
            + " 'partitioned table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'foreign table' END"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ? AND c.relname = ANY (?) AND c.relkind IN " + RELATION_KINDS
            + " ORDER BY c.relname COLLATE \"C\"";

    private static final String MISSING_ROLES_SQL = "SELECT name FROM unnest(?::text[]) AS requested(name)"
            + " WHERE NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = requested.name) ORDER BY 1";

    /**
     * Lists each role's write privileges per relation. INSERT and UPDATE count when granted on any column, because a
     * column grant is enough to write. Every path counts: a direct grant, PUBLIC, an inherited role, ownership and
     * superuser.
     */
    private static final String WRITE_GRANTS_SQL = "SELECT r.rolname, r.rolsuper, c.relname, p.privilege"
            + " FROM pg_roles r CROSS JOIN pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " CROSS JOIN unnest(?::text[]) WITH ORDINALITY AS p(privilege, position)"
            + " WHERE r.rolname = ANY (?) AND n.nspname = ? AND c.relname = ANY (?) AND c.relkind IN "
            + RELATION_KINDS
            + " AND CASE WHEN p.privilege IN ('INSERT', 'UPDATE')"
            + " THEN has_any_column_privilege(r.oid, c.oid, p.privilege)"
            + " ELSE has_table_privilege(r.oid, c.oid, p.privilege) END"
            + " ORDER BY r.rolname COLLATE \"C\", c.relname COLLATE \"C\", p.position";

    /** The write privileges one role holds on one relation. */
    public record WriteGrant(String role, boolean superuser, String relation, List<String> privileges) {}

    private LegacyRelations() {}

    /** Returns the relations among {@code names} that exist in {@code schema}, by name, with their kind. */
    public static Map<String, String> present(Connection legacy, SqlIdentifier schema, Collection<SqlIdentifier> names)
            throws SQLException {
        Map<String, String> present = new TreeMap<>();
        try (PreparedStatement statement = legacy.prepareStatement(PRESENT_SQL)) {
            statement.setString(1, schema.name());
            statement.setArray(2, legacy.createArrayOf("text", toNames(names)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    present.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return present;
    }

    /** Returns the roles among {@code roles} that do not exist on the cluster. */
    public static List<String> missingRoles(Connection connection, List<String> roles) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(MISSING_ROLES_SQL)) {
            statement.setArray(1, connection.createArrayOf("text", roles.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    missing.add(rows.getString(1));
                }
            }
        }
        return missing;
    }

    /** Returns every write privilege that {@code roles} hold on the named relations, one entry per role and relation. */
    public static List<WriteGrant> writeGrants(
            Connection legacy, SqlIdentifier schema, Collection<SqlIdentifier> relations, List<String> roles)
            throws SQLException {
        List<WriteGrant> grants = new ArrayList<>();
        try (PreparedStatement statement = legacy.prepareStatement(WRITE_GRANTS_SQL)) {
            statement.setArray(1, legacy.createArrayOf("text", WRITE_PRIVILEGES.toArray()));
            statement.setArray(2, legacy.createArrayOf("text", roles.toArray()));
            statement.setString(3, schema.name());
            statement.setArray(4, legacy.createArrayOf("text", toNames(relations)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    add(grants, rows.getString(1), rows.getBoolean(2), rows.getString(3), rows.getString(4));
                }
            }
        }
        return grants;
    }

    private static void add(
            List<WriteGrant> grants, String role, boolean superuser, String relation, String privilege) {
        WriteGrant last = grants.isEmpty() ? null : grants.get(grants.size() - 1);
        if (last != null && last.role().equals(role) && last.relation().equals(relation)) {
            last.privileges().add(privilege);
        } else {
            List<String> privileges = new ArrayList<>();
            privileges.add(privilege);
            grants.add(new WriteGrant(role, superuser, relation, privileges));
        }
    }

    private static Object[] toNames(Collection<SqlIdentifier> identifiers) {
        return identifiers.stream().map(SqlIdentifier::name).toArray();
    }
}
