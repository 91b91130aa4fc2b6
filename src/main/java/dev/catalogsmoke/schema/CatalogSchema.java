package dev.catalogsmoke.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The relations of one schema as the catalog tables describe them: kind, columns and unique keys. Read with two
 * statements whatever the number of tables.
 */
public record CatalogSchema(String schema, Map<String, Relation> relations) {

    private static final String COLUMNS = """
            SELECT c.relname, c.relkind, a.attname
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')""";

    private static final String UNIQUE_KEYS = """
            SELECT c.relname, array_agg(a.attname::text ORDER BY k.ord)
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE n.nspname = ? AND i.indisunique AND i.indpred IS NULL
            GROUP BY i.indexrelid, c.relname""";

    /** A table or view: {@code kind} is pg_class.relkind ({@code r} table, {@code v} view, ...). */
    public record Relation(String name, String kind, Set<String> columns, Set<Set<String>> uniqueKeys) {

        public boolean isView() {
            return "v".equals(kind) || "m".equals(kind);
        }
    }

    public static CatalogSchema read(Connection connection, String schema) throws SQLException {
        Map<String, Relation> relations = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    String kind = rows.getString(2);
                    relations
                            .computeIfAbsent(name, n -> new Relation(n, kind, new TreeSet<>(), new HashSet<>()))
                            .columns()
                            .add(rows.getString(3));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(UNIQUE_KEYS)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Relation relation = relations.get(rows.getString(1));
                    String[] columns = (String[]) rows.getArray(2).getArray();
                    if (relation != null) {
                        relation.uniqueKeys().add(new TreeSet<>(Arrays.asList(columns)));
                    }
                }
            }
        }
        return new CatalogSchema(schema, relations);
    }

    public List<String> relationNames() {
        return relations.keySet().stream().sorted().toList();
    }
}
