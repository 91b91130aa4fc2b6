package dev.catalogsmoke.flyway;

import dev.catalogsmoke.config.SmokeConfig.FlywayHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads Flyway's history table: where it exists, and its rows in installed-rank order. */
public final class FlywayHistoryReader {

    private static final String SCHEMAS_WITH_TABLE = """
            SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relname = ? AND c.relkind IN ('r', 'p') ORDER BY n.nspname""";

    private final FlywayHistory settings;

    public FlywayHistoryReader(FlywayHistory settings) {
        this.settings = settings;
    }

    /** Returns every schema that has a table with the history table's name. */
    public List<String> schemasWithHistoryTable(Connection connection) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SCHEMAS_WITH_TABLE)) {
            statement.setString(1, settings.table().name());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    schemas.add(rows.getString(1));
                }
            }
        }
        return schemas;
    }

    public List<HistoryRow> rows(Connection connection) throws SQLException {
        String sql = "SELECT installed_rank, version, description, type, script, checksum, success FROM "
                + settings.schema().quoted() + "." + settings.table().quoted() + " ORDER BY installed_rank";
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                int checksum = result.getInt(6);
                rows.add(new HistoryRow(
                        result.getInt(1),
                        result.getString(2),
                        result.getString(3),
                        result.getString(4),
                        result.getString(5),
                        result.wasNull() ? null : checksum,
                        result.getBoolean(7)));
            }
        }
        return rows;
    }
}
