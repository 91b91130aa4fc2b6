package dev.catalogsmoke.flyway;

import dev.catalogsmoke.config.SmokeConfig.FlywayHistory;
import dev.catalogsmoke.config.SqlIdentifier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Writes a baseline manifest by letting Flyway itself apply a folder of migration scripts to a throw-away embedded
 * PostgreSQL and reading back the history it recorded, so every checksum, type and description is Flyway's own.
 */
public final class ManifestGenerator {

    private ManifestGenerator() {}

    /**
     * Generates the manifest for the scripts at {@code location}, a Flyway location such as {@code
     * filesystem:db/identity} or {@code classpath:sandbox/migrations/identity}.
     */
    public static BaselineManifest generate(String database, String location) {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off")
                .start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations(location).load().migrate();
            FlywayHistory history =
                    new FlywayHistory(true, SqlIdentifier.of("public"), SqlIdentifier.of("flyway_schema_history"), "");
            try (Connection connection = dataSource.getConnection()) {
                List<ManifestEntry> entries = new FlywayHistoryReader(history)
                        .rows(connection).stream()
                                .filter(HistoryRow::success)
                                .filter(row -> !"SCHEMA".equals(row.type()))
                                .map(row -> new ManifestEntry(
                                        row.version(), row.description(), row.type(), row.script(), row.checksum()))
                                .toList();
                return new BaselineManifest(database, entries);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL for manifest generation", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history Flyway wrote: " + e.getMessage(), e);
        }
    }
}
