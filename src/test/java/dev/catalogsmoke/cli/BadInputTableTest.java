package dev.catalogsmoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.SmokeInvocation;
import dev.catalogsmoke.checks.CheckIdsForTests;
import dev.catalogsmoke.http.BoundedHttp;
import dev.catalogsmoke.http.LoopbackHttpServer;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad inputs and broken environments, each run through the command line: the exit code, one message that names what
 * is wrong and what to do, no stack trace without {@code --verbose}, and no hang (each case has a hard time-out far
 * above its wait budgets). Every server here listens on 127.0.0.1 and is started by this test.
 *
 * <p>Broken environments that need the full sandbox are covered by {@code SandboxFaultTest} and {@code
 * RunCommandTest}; {@link #coveredElsewhere} lists them, so this class is the one index of bad inputs.
 */
@Timeout(90)
class BadInputTableTest {

    private static final String IDENTITY_SECRET = "identity-db-credentials";
    private static final String SERVED = "KeycloakRealmCheck.everySeededRealmIsServed";

    @TempDir
    static Path directory;

    private static KubernetesMockServer kubernetes;
    private static ServerSocket refused;
    private static int refusedPort;
    private static SilentServer silent;
    private static LoopbackHttpServer http;

    /** One case: a name, the files it needs, the arguments, the environment, the exit code and message fragments. */
    record Case(
            String name,
            Map<String, byte[]> files,
            List<String> args,
            Map<String, String> environment,
            int exit,
            String where,
            List<String> fragments) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void startServers() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusedPort = socket.getLocalPort();
        }
        silent = new SilentServer();
        http = new LoopbackHttpServer();
        kubernetes = new KubernetesMockServer(false);
        kubernetes.init(InetAddress.getByName("127.0.0.1"), 0);
        answer("ns401", 401, "Unauthorized");
        answer("ns403", 403, "Forbidden");
        answer("ns500", 500, "etcdserver: request timed out");
        kubernetes
                .expect()
                .get()
                .withPath("/api/v1/namespaces/nsbinary/secrets/" + IDENTITY_SECRET)
                .andReturn(200, secret("nsbinary", Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, 0, 1})))
                .always();
        kubernetes
                .expect()
                .get()
                .withPath("/api/v1/namespaces/nsbase64/secrets/" + IDENTITY_SECRET)
                .andReturn(200, secret("nsbase64", "a"))
                .always();
    }

    @AfterAll
    static void stopServers() throws IOException {
        kubernetes.destroy();
        silent.close();
        http.close();
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        usage(cases);
        configFiles(cases);
        environment(cases);
        database(cases);
        kubernetesApi(cases);
        keycloak(cases);
        return cases.stream();
    }

    private static void usage(List<Case> cases) {
        cases.add(usageCase("unknown subcommand", List.of("frobnicate"), "Unmatched argument"));
        cases.add(usageCase("unknown option", List.of("run", "--config", "x.yaml", "--colour"), "Unknown option"));
        cases.add(usageCase("missing --config", List.of("run"), "Missing required option: '--config=FILE'"));
        cases.add(usageCase(
                "invalid tag expression",
                List.of("sandbox", "--include-tag", "postgres &"),
                "invalid tag expression",
                "use JUnit tag expressions"));
        cases.add(usageCase(
                "unknown sandbox fault",
                List.of("sandbox", "--fault", "no-such-fault"),
                "unknown fault",
                "--list-faults"));
        cases.add(usageCase("too few sandbox tenants", List.of("sandbox", "--tenants", "2"), "at least 3 tenants"));
        cases.add(usageCase(
                "missing configuration file",
                List.of("run", "--config", "/nonexistent/smoke.yaml"),
                "configuration file not found",
                "pass an existing file"));
    }

    private static void configFiles(List<Case> cases) {
        cases.add(configCase("malformed YAML", "namespace: [unclosed\n", "invalid YAML", "fix the syntax"));
        cases.add(configCase("top-level list", "- namespace\n", "expected a YAML mapping"));
        cases.add(configCase("unknown top-level key", "namespaces: x\n", "namespaces"));
        cases.add(configCase("unknown nested key", "postgres:\n  hots: x\n", "postgres.hots"));
        cases.add(configCase("port of wrong type", "postgres:\n  port: five\n", "key 'postgres.port'"));
        cases.add(configCase("port out of range", "postgres:\n  port: 70000\n", "expected a port from 1 to 65535"));
        cases.add(
                configCase("duration of wrong type", "waits:\n  connection: ten seconds\n", "key 'waits.connection'"));
        cases.add(configCase(
                "oversized value", "namespace: " + "n".repeat(3000) + "\n", "3000 characters", "at most 2048"));
        cases.add(configCase(
                "table name not an SQL identifier",
                "model:\n  tenancy:\n    routing:\n      table: \"routes; DROP TABLE tenants\"\n",
                "not a valid SQL identifier"));
        cases.add(configCase(
                "schema name with upper case",
                "model:\n  identity:\n    schema: Public\n",
                "not a valid SQL identifier"));
        cases.add(configCase("parallelism zero", "run:\n  parallelism: 0\n", "key 'run.parallelism'", "expected 1"));
        cases.add(configCase("deadline zero", "run:\n  deadline: 0s\n", "key 'run.deadline'", "positive duration"));
        cases.add(configCase(
                "issuer not a URL",
                "seed:\n  tenants:\n    - {id: a, slug: a, realm: a, issuer: not-a-url}\n",
                "expected an absolute URL"));
        cases.add(new Case(
                "non-UTF-8 file",
                Map.of("config.yaml", "namespace: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)),
                List.of("run", "--config", "${dir}/config.yaml"),
                Map.of(),
                ExitCodes.INVALID_USAGE,
                "err",
                List.of("not valid UTF-8", "save it as UTF-8")));
        cases.add(new Case(
                "oversized file",
                Map.of("config.yaml", new byte[4 * 1024 * 1024 + 1]),
                List.of("run", "--config", "${dir}/config.yaml"),
                Map.of(),
                ExitCodes.INVALID_USAGE,
                "err",
                List.of("larger than the limit")));
        cases.add(new Case(
                "credentials file missing",
                Map.of("config.yaml", bytes(databaseConfig(refusedPort, "file") + "  file: ${dir}/absent.yaml\n")),
                List.of("run", "--config", "${dir}/config.yaml"),
                Map.of(),
                ExitCodes.INVALID_USAGE,
                "err",
                List.of("credentials.file", "cannot read the credentials file")));
    }

    private static void environment(List<Case> cases) {
        cases.add(new Case(
                "unknown environment variable",
                Map.of(),
                List.of("sandbox"),
                Map.of("CATALOG_SMOKE_NAMESPCE", "x"),
                ExitCodes.INVALID_USAGE,
                "err",
                List.of("CATALOG_SMOKE_NAMESPCE: no configuration key has this name")));
        cases.add(new Case(
                "environment value of wrong type",
                Map.of(),
                List.of("sandbox"),
                Map.of("CATALOG_SMOKE_RUN_PARALLELISM", "many"),
                ExitCodes.INVALID_USAGE,
                "err",
                List.of("key 'run.parallelism'")));
    }

    private static void database(List<Case> cases) {
        cases.add(runCase(
                "refused database port",
                databaseConfig(refusedPort, "env"),
                ExitCodes.NOT_READY,
                CheckIdsForTests.CONNECT_IDENTITY,
                "timed out waiting for database identity",
                "cannot reach 127.0.0.1:" + refusedPort,
                "ConnectException"));
        cases.add(runCase(
                "database server that never answers",
                databaseConfig(silent.port(), "env"),
                ExitCodes.NOT_READY,
                CheckIdsForTests.CONNECT_IDENTITY,
                "timed out waiting for database identity",
                "no response from 127.0.0.1:" + silent.port() + " within postgres.connectTimeout"));
        cases.add(runCase(
                "run deadline before the connection budget",
                databaseConfig(refusedPort, "env").replace("connection: 2s", "connection: 60s")
                        + "run:\n  deadline: 2s\n",
                ExitCodes.NOT_READY,
                CheckIdsForTests.CONNECT_IDENTITY,
                "run deadline reached",
                "CATALOG_SMOKE_RUN_DEADLINE"));
        cases.add(runCase(
                "verify-full without a CA file",
                databaseConfig(refusedPort, "env").replace("mode: disable", "mode: verify-full"),
                ExitCodes.INVALID_USAGE,
                null,
                "postgres.tls.caFile"));
    }

    private static void kubernetesApi(List<Case> cases) {
        cases.add(runCase(
                "Kubernetes API answers 401",
                kubernetesConfig("ns401", kubernetesUrl()),
                ExitCodes.CHECKS_FAILED,
                CheckIdsForTests.SECRET_IDENTITY,
                "rejected get secrets ns401/" + IDENTITY_SECRET + " with 401 Unauthorized",
                "check the service account token"));
        cases.add(runCase(
                "Kubernetes API answers 403",
                kubernetesConfig("ns403", kubernetesUrl()),
                ExitCodes.CHECKS_FAILED,
                CheckIdsForTests.SECRET_IDENTITY,
                "with 403 Forbidden",
                "grant the service account 'get' on secrets"));
        cases.add(runCase(
                "Kubernetes API answers 404",
                kubernetesConfig("ns404", kubernetesUrl()),
                ExitCodes.NOT_READY,
                CheckIdsForTests.SECRET_IDENTITY,
                "timed out waiting for secret ns404/" + IDENTITY_SECRET,
                "Secret ns404/" + IDENTITY_SECRET + " not found"));
        cases.add(runCase(
                "Kubernetes API answers 500",
                kubernetesConfig("ns500", kubernetesUrl()),
                ExitCodes.NOT_READY,
                CheckIdsForTests.SECRET_IDENTITY,
                "timed out waiting for secret ns500/" + IDENTITY_SECRET,
                "500"));
        cases.add(runCase(
                "Kubernetes API never answers",
                kubernetesConfig("nssilent", "http://127.0.0.1:" + silent.port()),
                ExitCodes.NOT_READY,
                CheckIdsForTests.SECRET_IDENTITY,
                "timed out waiting for secret nssilent/" + IDENTITY_SECRET,
                "did not complete get secrets",
                "has been exceeded"));
        cases.add(runCase(
                "Secret password is binary garbage",
                kubernetesConfig("nsbinary", kubernetesUrl()),
                ExitCodes.CHECKS_FAILED,
                CheckIdsForTests.SECRET_IDENTITY,
                "value of key 'password' is not valid UTF-8 text"));
        cases.add(runCase(
                "Secret data is not base64",
                kubernetesConfig("nsbase64", kubernetesUrl()),
                ExitCodes.CHECKS_FAILED,
                CheckIdsForTests.SECRET_IDENTITY,
                "Secret nsbase64/" + IDENTITY_SECRET,
                "data of key 'password' is not valid base64"));
    }

    /** Keycloak reached through the sandbox without its own Keycloak, so the routing table the checks read is real. */
    private static void keycloak(List<Case> cases) {
        String silentUrl = "http://127.0.0.1:" + silent.port();
        cases.add(keycloakCase(
                "Keycloak never answers",
                SERVED,
                Map.of("CATALOG_SMOKE_KEYCLOAK_PUBLIC_URL", silentUrl),
                ExitCodes.NOT_READY,
                "timed out waiting for Keycloak realm acme at " + silentUrl,
                "(budget 2.0s)",
                "no complete response within 1s",
                "raise keycloak.realmBudget"));
        cases.add(keycloakCase(
                "Keycloak answers with an oversized body",
                SERVED,
                Map.of("CATALOG_SMOKE_KEYCLOAK_PUBLIC_URL", http.baseUrl() + "/realms/huge"),
                ExitCodes.CHECKS_FAILED,
                "realm acme (tenant acme): realm discovery failed",
                "returned a body larger than " + BoundedHttp.MAX_BODY_BYTES + " bytes",
                "check that the URL points at Keycloak"));
        cases.add(keycloakCase(
                "Keycloak in-cluster URL never answers",
                "KeycloakRealmCheck.issuerDoesNotDependOnPath",
                Map.of(
                        "CATALOG_SMOKE_KEYCLOAK_PUBLIC_URL",
                        http.baseUrl() + "/realms/acme",
                        "CATALOG_SMOKE_KEYCLOAK_INTERNAL_URL",
                        silentUrl),
                ExitCodes.CHECKS_FAILED,
                "realm acme (tenant acme): discovery through both URLs failed",
                "GET " + silentUrl + "/realms/acme/.well-known/openid-configuration",
                "no complete response within 1s",
                "check that keycloak.publicUrl and keycloak.internalUrl both reach Keycloak"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGivesOneClearMessage(Case badInput, @TempDir Path reports) throws IOException {
        List<String> args = new ArrayList<>();
        for (String arg : badInput.args()) {
            args.add(arg.replace("${dir}", reports.toString()));
        }
        for (Map.Entry<String, byte[]> file : badInput.files().entrySet()) {
            Files.write(reports.resolve(file.getKey()), resolve(file.getValue(), reports));
        }

        SmokeInvocation run =
                SmokeInvocation.run(reports.resolve("reports"), badInput.environment(), args.toArray(String[]::new));

        String message = badInput.where().equals("err") ? run.err() : run.message(badInput.where());
        for (String fragment : badInput.fragments()) {
            assertThat(message).as("message of case '%s'", badInput.name()).contains(fragment);
        }
        assertThat(run.out() + run.err())
                .as("output of case '%s'", badInput.name())
                .doesNotContain("\tat ");
        assertThat(run.exitCode())
                .as("exit code of case '%s'; output:%n%s%s", badInput.name(), run.out(), run.err())
                .isEqualTo(badInput.exit());
    }

    @Test
    void verbosePrintsStackTrace(@TempDir Path reports) {
        SmokeInvocation run =
                SmokeInvocation.run(reports, Map.of(), "--verbose", "run", "--config", "/nonexistent.yaml");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_USAGE);
        assertThat(run.err()).contains("configuration file not found").contains("\tat ");
    }

    /** Bad inputs whose test lives next to the code it exercises; each entry names a test that must exist. */
    static Stream<Arguments> coveredElsewhere() {
        return Stream.of(
                Arguments.of("wrong TLS CA", "dev.catalogsmoke.cli.RunCommandTest", "wrongCaFailsHandshake"),
                Arguments.of("Secret binary password in the sandbox", "sandbox fault", "secret-binary-password"),
                Arguments.of("Secret without password", "sandbox fault", "secret-missing-password"),
                Arguments.of("password in Secret not accepted", "sandbox fault", "password-drift"),
                Arguments.of("cluster never accepts", "sandbox fault", "cluster-unreachable"),
                Arguments.of("certificate does not name the host", "sandbox fault", "tls-host-mismatch"),
                Arguments.of("server without TLS under verify-full", "sandbox fault", "tls-server-plaintext"),
                Arguments.of("CA Secret without ca.crt", "sandbox fault", "tls-ca-missing"),
                Arguments.of("CNPG status unreadable", "sandbox fault", "database-status-unreadable"),
                Arguments.of(
                        "unknown environment variable",
                        "dev.catalogsmoke.config.ConfigLoaderTest",
                        "unknownEnvironmentVariableIsRejected"),
                Arguments.of(
                        "directory as configuration",
                        "dev.catalogsmoke.config.ConfigLoaderTest",
                        "missingFileAndDirectoryAreRejected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coveredElsewhere")
    void coveredElsewhereExists(String name, String where, String test) throws Exception {
        if (where.equals("sandbox fault")) {
            assertThat(dev.catalogsmoke.sandbox.Fault.fromCliName(test))
                    .as("fault for '%s'", name)
                    .isPresent();
            String table = Files.readString(Path.of("src/test/java/dev/catalogsmoke/checks/SandboxFaultTest.java"));
            assertThat(table).as("SandboxFaultTest row for '%s'", name).contains("\"" + test + "\"");
            return;
        }
        assertThat(Stream.of(Class.forName(where).getDeclaredMethods()).map(java.lang.reflect.Method::getName))
                .as("test for '%s'", name)
                .contains(test);
    }

    private static Case usageCase(String name, List<String> args, String... fragments) {
        return new Case(name, Map.of(), args, Map.of(), ExitCodes.INVALID_USAGE, "err", List.of(fragments));
    }

    private static Case configCase(String name, String yaml, String... fragments) {
        return new Case(
                name,
                Map.of("config.yaml", bytes(yaml)),
                List.of("run", "--config", "${dir}/config.yaml"),
                Map.of(),
                ExitCodes.INVALID_USAGE,
                "err",
                List.of(fragments));
    }

    private static Case runCase(String name, String yaml, int exit, String checkId, String... fragments) {
        return new Case(
                name,
                Map.of("config.yaml", bytes(yaml)),
                List.of("run", "--config", "${dir}/config.yaml"),
                Map.of(
                        "CATALOG_SMOKE_CREDENTIALS_IDENTITY_USERNAME", "identity",
                        "CATALOG_SMOKE_CREDENTIALS_IDENTITY_PASSWORD", "not-a-real-password",
                        "CATALOG_SMOKE_CREDENTIALS_TENANCY_USERNAME", "tenancy",
                        "CATALOG_SMOKE_CREDENTIALS_TENANCY_PASSWORD", "not-a-real-password"),
                exit,
                checkId == null ? "err" : checkId,
                List.of(fragments));
    }

    private static Case keycloakCase(
            String name, String checkId, Map<String, String> urls, int exit, String... fragments) {
        Map<String, String> environment = new java.util.HashMap<>(urls);
        environment.put("CATALOG_SMOKE_KEYCLOAK_ENABLED", "true");
        environment.put("CATALOG_SMOKE_KEYCLOAK_REQUEST_TIMEOUT", "1s");
        environment.put("CATALOG_SMOKE_KEYCLOAK_REALM_BUDGET", "2s");
        return new Case(
                name,
                Map.of(),
                List.of("sandbox", "--no-keycloak", "--include-tag", "keycloak"),
                environment,
                exit,
                checkId,
                List.of(fragments));
    }

    private static String databaseConfig(int port, String credentials) {
        return """
                namespace: bad-inputs
                kubernetes:
                  enabled: false
                postgres:
                  host: 127.0.0.1
                  port: %d
                  connectTimeout: 1s
                  tls:
                    mode: disable
                waits:
                  pollInterval: 200ms
                  connection: 2s
                credentials:
                  source: %s
                """.formatted(port, credentials);
    }

    private static String kubernetesConfig(String namespace, String apiServer) {
        return """
                namespace: %s
                kubernetes:
                  apiServer: %s
                  requestTimeout: 1s
                postgres:
                  host: 127.0.0.1
                  port: %d
                  connectTimeout: 1s
                waits:
                  pollInterval: 200ms
                  secret: 2s
                  cnpgDatabase: 2s
                  connection: 2s
                """.formatted(namespace, apiServer, refusedPort);
    }

    private static String kubernetesUrl() {
        return "http://127.0.0.1:" + kubernetes.getPort();
    }

    private static void answer(String namespace, int code, String reason) {
        kubernetes
                .expect()
                .get()
                .withPath("/api/v1/namespaces/" + namespace + "/secrets/" + IDENTITY_SECRET)
                .andReturn(
                        code,
                        new StatusBuilder().withCode(code).withMessage(reason).build())
                .always();
    }

    private static io.fabric8.kubernetes.api.model.Secret secret(String namespace, String password) {
        return new SecretBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(IDENTITY_SECRET)
                .withResourceVersion("7")
                .endMetadata()
                .withType("kubernetes.io/basic-auth")
                .withData(
                        Map.of("username", Base64.getEncoder().encodeToString(bytes("identity")), "password", password))
                .build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resolve(byte[] content, Path directory) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        return text.contains("${dir}")
                ? text.replace("${dir}", directory.toString()).getBytes(StandardCharsets.ISO_8859_1)
                : content;
    }

    /** Accepts connections on loopback and never sends a byte, as a hung server does. */
    private static final class SilentServer implements AutoCloseable {

        private final ServerSocket socket;
        private final List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::acceptForever, "silent server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void acceptForever() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    accepted.add(client);
                    InputStream ignored = client.getInputStream();
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket client : accepted) {
                client.close();
            }
        }
    }
}
