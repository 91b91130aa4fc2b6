package dev.catalogsmoke.cutover;

import dev.catalogsmoke.config.SqlIdentifier;
import java.util.ArrayList;
import java.util.List;

/**
 * One table's rows seen as key to value, such as issuer to tenant id: where the table is, and the constant statement
 * that streams its rows sorted for {@link ParityScan}.
 *
 * @param database the database that contains the table, for messages
 * @param schema schema of the table
 * @param table the table or view
 * @param keys the columns that identify a row, such as issuer and subject
 * @param value the column whose value the backfill must carry over, such as user_id
 */
public record KeyedRows(
        String database, SqlIdentifier schema, SqlIdentifier table, List<SqlIdentifier> keys, SqlIdentifier value) {

    public KeyedRows {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a keyed table needs at least one key column");
        }
    }

    /**
     * Returns the statement that selects the key columns and the value as text, ordered by byte value ({@code
     * COLLATE "C"}) with NULLs last, the order in which {@link ParityScan} merges.
     */
    public String sql() {
        List<String> columns = new ArrayList<>();
        for (SqlIdentifier key : keys) {
            columns.add(key.quoted() + "::text COLLATE \"C\"");
        }
        columns.add(value.quoted() + "::text COLLATE \"C\"");
        StringBuilder order = new StringBuilder();
        for (int i = 1; i <= columns.size(); i++) {
            order.append(i == 1 ? "" : ", ").append(i);
        }
        return "SELECT " + String.join(", ", columns) + " FROM " + schema.quoted() + "." + table.quoted() + " ORDER BY "
                + order;
    }

    /** Names the table for messages, such as {@code table public.tenant_routing in database platform}. */
    public String describe() {
        return "table " + schema + "." + table + " in database " + database;
    }
}
