package dev.catalogsmoke.routing;

import dev.catalogsmoke.config.SmokeConfig.ExternalIdentitiesTable;
import dev.catalogsmoke.config.SmokeConfig.TenancyModel;
import dev.catalogsmoke.config.SqlIdentifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the routing table and the linked issuers, each with one statement whatever the row count. Rows are
 * streamed with a fetch size, so the driver never keeps a whole large result in memory.
 */
public final class RoutingReader {

    private static final int FETCH_SIZE = 5_000;

    private RoutingReader() {}

    /** Returns every routing row, grouped by the exact issuer string, with its tenant's existence and status. */
    public static Map<String, List<RouteRow>> routes(Connection connection, TenancyModel model) throws SQLException {
        SqlIdentifier schema = model.schema();
        String sql = "SELECT r." + model.routing().issuer().quoted() + ", r."
                + model.routing().tenantId().quoted()
                + "::text, t." + model.tenants().tenantId().quoted() + " IS NOT NULL, t."
                + model.tenants().status().quoted() + "::text FROM " + schema.quoted() + "."
                + model.routing().table().quoted() + " r LEFT JOIN " + schema.quoted() + "."
                + model.tenants().table().quoted() + " t ON t."
                + model.tenants().tenantId().quoted() + " = r."
                + model.routing().tenantId().quoted();
        Map<String, List<RouteRow>> routes = new HashMap<>();
        streamRows(connection, sql, rows -> {
            RouteRow row = new RouteRow(rows.getString(1), rows.getString(2), rows.getBoolean(3), rows.getString(4));
            routes.computeIfAbsent(row.issuer(), issuer -> new ArrayList<>(1)).add(row);
        });
        return routes;
    }

    /**
     * Returns the routing rows whose alias column contains one of {@code aliases} or whose tenant is one of {@code
     * tenantIds}, with one statement; the lists are the seed's, so the result stays small whatever the table's size.
     */
    public static List<AliasRoute> aliasRoutes(
            Connection connection, TenancyModel model, List<String> aliases, List<String> tenantIds)
            throws SQLException {
        String alias = "r." + model.routing().idpAlias().quoted();
        String tenant = "r." + model.routing().tenantId().quoted();
        String sql = "SELECT " + alias + ", " + tenant + "::text, t."
                + model.tenants().tenantId().quoted()
                + " IS NOT NULL, t." + model.tenants().status().quoted() + "::text FROM "
                + model.schema().quoted() + "." + model.routing().table().quoted() + " r LEFT JOIN "
                + model.schema().quoted() + "." + model.tenants().table().quoted() + " t ON t."
                + model.tenants().tenantId().quoted() + " = " + tenant + " WHERE " + alias + " = ANY (?) OR "
                + tenant + "::text = ANY (?) ORDER BY 1, 2";
        List<AliasRoute> routes = new ArrayList<>();
        try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", aliases.toArray()));
            statement.setArray(2, connection.createArrayOf("text", tenantIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    routes.add(new AliasRoute(
                            rows.getString(1), rows.getString(2), rows.getBoolean(3), rows.getString(4)));
                }
            }
        }
        return routes;
    }

    /** Returns every distinct issuer linked in the identity catalog's external identities. */
    public static Set<String> linkedIssuers(Connection connection, SqlIdentifier schema, ExternalIdentitiesTable table)
            throws SQLException {
        String sql = "SELECT DISTINCT " + table.issuer().quoted() + " FROM " + schema.quoted() + "."
                + table.table().quoted();
        Set<String> issuers = new HashSet<>();
        streamRows(connection, sql, rows -> issuers.add(rows.getString(1)));
        return issuers;
    }

    /** Runs a query with a cursor, so rows arrive in batches of {@link #FETCH_SIZE}. */
    static void streamRows(Connection connection, String sql, RowConsumer consumer) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    consumer.accept(rows);
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(ResultSet rows) throws SQLException;
    }
}
