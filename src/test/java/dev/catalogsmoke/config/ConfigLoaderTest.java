package dev.catalogsmoke.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

    @TempDir
    Path directory;

    @Test
    void defaultsResolveWithoutFile() {
        SmokeConfig config = new ConfigLoader(Map.of()).load(null);

        assertThat(config.postgres().host()).isEqualTo("postgres-ameide-rw");
        assertThat(config.catalog(Catalog.TENANCY).secret()).isEqualTo("tenancy-db-credentials");
        assertThat(config.waits().connection()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.model().tenancy().routing().table().quoted()).isEqualTo("\"tenant_routing_view\"");
    }

    @Test
    void shippedConfigurationsLoad() {
        ConfigLoader loader = new ConfigLoader(Map.of());

        assertThat(loader.load(Path.of("smoke-config/cluster.yaml")).seed().tenants())
                .hasSize(2);
        assertThat(loader.load(Path.of("smoke-config/sandbox.yaml"))
                        .postgres()
                        .tls()
                        .mode())
                .isEqualTo(TlsMode.VERIFY_FULL);
    }

    @Test
    void fileOverridesDefaultsAndEnvironmentOverridesFile() throws Exception {
        Path file = write("postgres:\n  port: 6543\nwaits:\n  secret: 2m\n");
        Map<String, String> environment = Map.of(
                "CATALOG_SMOKE_POSTGRES_PORT", "7000",
                "CATALOG_SMOKE_CATALOGS_TENANCY_FLYWAY_MANIFEST", "/m/tenancy.yaml",
                "CATALOG_SMOKE_MODEL_TENANCY_TENANTS_ACTIVE_STATUSES", "active, trial",
                "CATALOG_SMOKE_CREDENTIALS_IDENTITY_PASSWORD", "ignored-by-the-loader",
                "PATH", "/usr/bin");

        SmokeConfig config = new ConfigLoader(environment).load(file);

        assertThat(config.postgres().port()).isEqualTo(7000);
        assertThat(config.waits().secret()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.catalog(Catalog.TENANCY).flyway().manifest()).isEqualTo("/m/tenancy.yaml");
        assertThat(config.model().tenancy().tenants().activeStatuses()).containsExactly("active", "trial");
        assertThat(config.source()).isEqualTo(file.toString());
    }

    @Test
    void keycloakConcurrencyDefaultsAndOverrides() {
        assertThat(new ConfigLoader(Map.of()).load(null).keycloak().concurrency())
                .isEqualTo(8);
        assertThat(new ConfigLoader(Map.of("CATALOG_SMOKE_KEYCLOAK_CONCURRENCY", "64"))
                        .load(null)
                        .keycloak()
                        .concurrency())
                .isEqualTo(64);
    }

    @Test
    void environmentVariableNamesFollowTheKey() {
        assertThat(ConfigPaths.environmentVariable("waits.cnpgDatabase"))
                .isEqualTo("CATALOG_SMOKE_WAITS_CNPG_DATABASE");
        assertThat(ConfigPaths.environmentVariable("postgres.tls.caSecret"))
                .isEqualTo("CATALOG_SMOKE_POSTGRES_TLS_CA_SECRET");
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                Arguments.of("postgres: [unclosed\n", "invalid YAML"),
                Arguments.of("- just\n- a list\n", "expected a YAML mapping of keys at the top level"),
                Arguments.of("postgress:\n  port: 1\n", "unknown key 'postgress'"),
                Arguments.of("postgres:\n  tls:\n    mod: disable\n", "unknown key 'postgres.tls.mod'"),
                Arguments.of("postgres: 5432\n", "key 'postgres': expected a mapping of keys"),
                Arguments.of("postgres:\n  port: abc\n", "key 'postgres.port'"),
                Arguments.of("postgres:\n  port: 70000\n", "key 'postgres.port': invalid value 70000"),
                Arguments.of("postgres:\n  tls:\n    mode: prefer\n", "key 'postgres.tls.mode'"),
                Arguments.of("waits:\n  secret: soon\n", "value 'soon' is not a duration"),
                Arguments.of("waits:\n  secret: 0s\n", "key 'waits.secret': invalid value 0s"),
                Arguments.of("waits:\n  pollInterval: 10s\n  secret: 5s\n", "at least waits.pollInterval (10s)"),
                Arguments.of(
                        "model:\n  tenancy:\n    routing:\n      table: \"routes; DROP TABLE x\"\n",
                        "is not a valid SQL identifier"),
                Arguments.of(
                        "model:\n  identity:\n    users:\n      table: Users\n", "key 'model.identity.users.table'"),
                Arguments.of(
                        "seed:\n  tenants:\n    - {id: a, slug: acme, realm: acme, issuer: not-a-url}\n",
                        "key 'seed.tenants[0].issuer': invalid value not-a-url"),
                Arguments.of(
                        "seed:\n  tenants:\n    - {id: a, slug: acme, issuer: 'https://h/realms/a'}\n"
                                + "    - {id: b, slug: acme, issuer: 'https://h/realms/b'}\n",
                        "each seeded tenant needs its own" + " slug"),
                Arguments.of("seed:\n  tenants:\n    - {id: a, slug: acme, colour: red}\n", "colour"),
                Arguments.of("credentials:\n  source: vault\n", "key 'credentials.source'"),
                Arguments.of("credentials:\n  source: file\n", "key 'credentials.file': invalid value ''"),
                Arguments.of("namespace: ''\n", "key 'namespace': invalid value ''"),
                Arguments.of("namespace: " + "n".repeat(3000) + "\n", "3000 characters"),
                Arguments.of("catalogs:\n  tenency:\n    role: x\n", "unknown key 'catalogs.tenency'"),
                Arguments.of("namespace: a\nnamespace: b\n", "Duplicate Object property \"namespace\""),
                Arguments.of("postgres:\n  port: 5432.5\n", "key 'postgres.port'"),
                Arguments.of("waits:\n  connection: 100000000h\n", "longer than the maximum of 24h"),
                Arguments.of(
                        "keycloak:\n  concurrency: 0\n", "key 'keycloak.concurrency': invalid value 0; expected 1"),
                Arguments.of(
                        "keycloak:\n  concurrency: 65\n", "key 'keycloak.concurrency': invalid value 65; expected 1"),
                Arguments.of("keycloak:\n  concurrency: many\n", "key 'keycloak.concurrency'"),
                Arguments.of(
                        "postgres:\n  tls:\n    mode: Verify-Full\n",
                        "expected one of [disable, require," + " verify-full] (lower case)"),
                Arguments.of(
                        "seed:\n  tenants:\n    - {id: a, slug: acme, issuer: 'https://h/r/a', colour: red}\n",
                        "unknown key 'colour'"),
                Arguments.of("routingKey:\n  strategy: alias\n", "key 'routingKey.strategy'"),
                Arguments.of(
                        "keycloak:\n  enabled: true\n  publicUrl: https://auth.example.test\n"
                                + "routingKey:\n  strategy: idp_alias\n",
                        "key 'routingKey.brokerRealm': invalid value ''"),
                Arguments.of(
                        "keycloak:\n  enabled: true\n  publicUrl: https://auth.example.test\n"
                                + "routingKey:\n  strategy: idp_alias\n",
                        "logs the personas in through the broker realm, so name it"),
                Arguments.of(
                        "keycloak:\n  enabled: true\n  publicUrl: https://auth.example.test\n  grant: password\n"
                                + "routingKey:\n  strategy: idp_alias\n  brokerRealm: platform\n",
                        "the password grant cannot do; use authorization-code"),
                Arguments.of(
                        "model:\n  tenancy:\n    routing:\n      idpAlias: \"alias; --\"\n",
                        "is not a valid SQL identifier"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidFiles")
    void invalidFileNamesFileKeyAndExpectation(String yaml, String expected) throws Exception {
        Path file = write(yaml);

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(expected);
    }

    @Test
    void unknownEnvironmentVariableIsRejected() {
        ConfigLoader loader = new ConfigLoader(Map.of("CATALOG_SMOKE_POSTGRES_PORTT", "1"));

        assertThatThrownBy(() -> loader.load(null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("environment variable CATALOG_SMOKE_POSTGRES_PORTT: no configuration key");
    }

    @Test
    void invalidEnvironmentValueNamesVariable() {
        ConfigLoader loader = new ConfigLoader(Map.of("CATALOG_SMOKE_POSTGRES_PORT", "abc"));

        assertThatThrownBy(() -> loader.load(null))
                .hasMessageStartingWith("environment variable CATALOG_SMOKE_POSTGRES_PORT: key 'postgres.port'")
                .hasMessageContaining("expected a whole number");
    }

    @Test
    void badIdentifierHidesJacksonInternals() throws Exception {
        Path file = write("model:\n  tenancy:\n    routing:\n      idpAlias: Nope\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .hasMessageContaining("key 'model.tenancy.routing.idpAlias'")
                .hasMessageContaining("'Nope' is not a valid SQL identifier")
                .hasMessageNotContaining("Cannot construct instance");
    }

    @Test
    void variableThatBreaksAnotherKeyIsNamed() throws Exception {
        Path file = write("keycloak:\n  enabled: true\n  publicUrl: https://auth.example.test\n"
                + "routingKey:\n  strategy: idp_alias\n  brokerRealm: platform\n");
        ConfigLoader loader = new ConfigLoader(Map.of("CATALOG_SMOKE_KEYCLOAK_GRANT", "password"));

        assertThatThrownBy(() -> loader.load(file))
                .hasMessageStartingWith("environment variable CATALOG_SMOKE_KEYCLOAK_GRANT: key 'keycloak.grant'")
                .hasMessageContaining("use authorization-code");
    }

    @Test
    void objectListVariableIsRejected() {
        ConfigLoader loader = new ConfigLoader(Map.of("CATALOG_SMOKE_SEED_TENANTS", "acme"));

        assertThatThrownBy(() -> loader.load(null)).hasMessageContaining("only the configuration file can set");
    }

    @Test
    void invalidEnvironmentValueNamesKey() {
        ConfigLoader loader = new ConfigLoader(Map.of("CATALOG_SMOKE_POSTGRES_PORT", "five"));

        assertThatThrownBy(() -> loader.load(null)).hasMessageContaining("key 'postgres.port'");
    }

    @Test
    void nonUtf8FileIsRejected() throws Exception {
        Path file = directory.resolve("latin1.yaml");
        Files.write(file, "namespace: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file)).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void missingFileAndDirectoryAreRejected() {
        ConfigLoader loader = new ConfigLoader(Map.of());

        assertThatThrownBy(() -> loader.load(directory.resolve("absent.yaml")))
                .hasMessageContaining("configuration file not found");
        assertThatThrownBy(() -> loader.load(directory)).hasMessageContaining("is a directory");
    }

    @Test
    void oversizedFileIsRejected() throws Exception {
        Path file = directory.resolve("huge.yaml");
        Files.write(file, new byte[ConfigLoader.MAX_FILE_BYTES + 1]);

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file)).hasMessageContaining("larger than the limit");
    }

    @Test
    void emptyFileMeansDefaults() throws Exception {
        assertThat(new ConfigLoader(Map.of()).load(write("")).namespace()).isEqualTo("default");
    }

    private Path write(String yaml) throws Exception {
        Path file = Files.createTempFile(directory, "config", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
