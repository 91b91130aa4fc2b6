package dev.catalogsmoke.sandbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server on loopback, laid out as CNPG lays out the cluster: databases {@code platform}, {@code
 * identity} and {@code tenancy}, login roles {@code identity} and {@code tenancy} that own their database, and
 * CONNECT granted to the owner only. Roles log in with SCRAM passwords; the superuser {@code postgres} is trusted on
 * loopback for the sandbox's own setup.
 */
final class EmbeddedCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedCluster(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts the server; {@code tls} is {@code null} to serve without TLS. */
    static EmbeddedCluster start(SandboxTls tls) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "60")
                    .setServerConfig("fsync", "off")
                    .setDataDirectoryCustomizer(directory -> prepareDataDirectory(directory.toPath(), tls));
            if (tls != null) {
                builder.setServerConfig("ssl", "on")
                        .setServerConfig("ssl_cert_file", "server.crt")
                        .setServerConfig("ssl_key_file", "server.key");
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("sandbox PostgreSQL listens on 127.0.0.1:{}", postgres.getPort());
            return new EmbeddedCluster(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }

    private static void prepareDataDirectory(Path directory, SandboxTls tls) {
        String rules = """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """;
        try {
            Files.writeString(directory.resolve("pg_hba.conf"), rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf in " + directory, e);
        }
        if (tls != null) {
            tls.writeServerFiles(directory);
        }
    }

    int port() {
        return postgres.getPort();
    }

    /** Creates the catalog roles with the given passwords, their databases and the legacy platform database. */
    void createCatalogs(Map<String, String> rolePasswords) {
        execute("postgres", "CREATE DATABASE platform");
        for (Map.Entry<String, String> role : rolePasswords.entrySet()) {
            String name = role.getKey();
            execute(
                    "postgres",
                    "CREATE ROLE " + name + " LOGIN PASSWORD " + literal(role.getValue()),
                    "CREATE DATABASE " + name + " OWNER " + name,
                    "REVOKE CONNECT, TEMPORARY ON DATABASE " + name + " FROM PUBLIC",
                    "GRANT CONNECT ON DATABASE " + name + " TO " + name);
        }
    }

    /** Runs statements as the superuser on one database. */
    void execute(String database, String... statements) {
        try (Connection connection = superuser(database);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sandbox setup failed on database " + database + ": " + e.getMessage(), e);
        }
    }

    Connection superuser(String database) throws SQLException {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("stopping the embedded PostgreSQL server failed: {}", e.getMessage());
        }
    }
}
