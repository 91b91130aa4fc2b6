package dev.catalogsmoke.sandbox;

import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A complete local environment made of real parts, on loopback: an embedded PostgreSQL laid out as CNPG would,
 * Flyway-migrated and seeded catalogs, and the fabric8 mock Kubernetes API holding the Secrets and CNPG resources.
 *
 * <p>{@link #configOverlay()} returns the keys that point a configuration at it; the suite then runs through the
 * same code path as against a real cluster.
 */
public final class Sandbox implements AutoCloseable {

    public static final String NAMESPACE = "catalog-smoke-sandbox";
    public static final String CLUSTER = "postgres-ameide";
    public static final String CA_SECRET = CLUSTER + "-ca";

    /** How long {@link Fault#SLOW_START} keeps the service port closed. */
    static final Duration SLOW_START_DELAY = Duration.ofSeconds(4);

    private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

    private final SandboxOptions options;
    private final SandboxSeed seed;
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private EmbeddedCluster cluster;
    private MockKubernetes kubernetes;
    private DelayedProxy proxy;
    private SandboxTls tls;
    private LegacyPlatform legacy;
    private final SandboxKeycloak keycloak;
    private SandboxAuth auth;

    private Sandbox(SandboxOptions options, SandboxKeycloak keycloak) {
        this.options = keycloak == null ? options : options.withIssuerBase(keycloak.publicUrl());
        this.keycloak = keycloak;
        SandboxSeed built = SandboxSeed.of(options.tenants(), this.options.issuerBase());
        this.seed = options.has(Fault.REALM_ISSUER_TRAILING_SLASH) ? built.withTrailingSlash("acme") : built;
    }

    /** Starts every part and injects the requested faults; stops what was started if a step fails. */
    public static Sandbox start(SandboxOptions options) {
        return start(options, null);
    }

    /**
     * Starts the sandbox against a running Keycloak, which the caller owns and may share between sandboxes: its public
     * URL becomes the issuer base, and the reference platform starts too. {@code keycloak} may be {@code null}, and
     * then the Keycloak and platform checks are turned off.
     */
    public static Sandbox start(SandboxOptions options, SandboxKeycloak keycloak) {
        requireKeycloakFor(options, keycloak);
        Sandbox sandbox = new Sandbox(options, keycloak);
        try {
            sandbox.startParts();
            return sandbox;
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    private void startParts() {
        long started = System.nanoTime();
        List<String> hosts = options.has(Fault.TLS_HOST_MISMATCH)
                ? List.of(CLUSTER + "-rw")
                : List.of("127.0.0.1", "localhost", CLUSTER + "-rw");
        tls = SandboxTls.create(hosts);
        cluster = EmbeddedCluster.start(options.has(Fault.TLS_SERVER_PLAINTEXT) ? null : tls);
        passwords.put("identity", options.passwords().get());
        passwords.put("tenancy", options.passwords().get());
        cluster.createCatalogs(passwords);
        migrate("identity");
        migrate("tenancy");
        legacy = new LegacyPlatform(cluster, options.passwords().get());
        new SandboxCutover(this, legacy).replay(options.phase());
        kubernetes = MockKubernetes.start();
        new SandboxResources(kubernetes, options, passwords, tls.caPem()).create();
        kubernetes.putSecret(NAMESPACE, LegacyPlatform.SECRET, SandboxResources.BASIC_AUTH, legacy.secretData());
        startProxy();
        new FaultInjector(this).inject(options.faults());
        if (keycloak != null) {
            auth = SandboxAuth.start(keycloak, this);
        }
        log.info(
                "sandbox ready in {} ms: {} tenants, cutover phase {}, faults {}",
                (System.nanoTime() - started) / 1_000_000,
                options.tenants(),
                options.phase(),
                options.faults());
    }

    private void migrate(String catalog) {
        Flyway.configure()
                .dataSource(cluster.jdbcUrl(catalog), catalog, passwords.get(catalog))
                .locations("classpath:sandbox/migrations/" + catalog)
                .load()
                .migrate();
    }

    /** Writes the seed straight into the new catalogs, as the seed jobs do. */
    void writeSeed() {
        try (Connection identity = cluster.superuser("identity");
                Connection tenancy = cluster.superuser("tenancy")) {
            seed.writeIdentity(identity);
            seed.writeTenancy(tenancy);
        } catch (SQLException e) {
            throw new IllegalStateException("writing the sandbox seed failed: " + e.getMessage(), e);
        }
    }

    private void startProxy() {
        if (options.has(Fault.SLOW_START)) {
            proxy = DelayedProxy.start(cluster.port(), SLOW_START_DELAY);
        } else if (options.has(Fault.CLUSTER_UNREACHABLE)) {
            proxy = DelayedProxy.start(cluster.port(), null);
        }
    }

    /** Returns the port that clients use: the cluster's own, or the proxy's that plays a slow service. */
    public int servicePort() {
        return proxy == null ? cluster.port() : proxy.port();
    }

    /** Returns the PEM of the CA that signed the server certificate, as stored in the cluster's CA Secret. */
    public String caCertificate() {
        return tls.caPem();
    }

    public String kubernetesUrl() {
        return kubernetes.url();
    }

    public List<SeedTenant> seedTenants() {
        return seed.tenants();
    }

    /** Returns the configuration keys that point the suite at this sandbox, as a tree for the YAML overlay. */
    public Map<String, Object> configOverlay() {
        Map<String, Object> postgres = new LinkedHashMap<>();
        postgres.put("cluster", CLUSTER);
        postgres.put("host", "127.0.0.1");
        postgres.put("port", servicePort());
        Map<String, Object> overlay = new LinkedHashMap<>();
        overlay.put("namespace", NAMESPACE);
        overlay.put("kubernetes", Map.of("enabled", true, "apiServer", kubernetes.url()));
        overlay.put("postgres", postgres);
        overlay.put("seed", Map.of("tenants", seed.tenants()));
        overlay.put("cutover", Map.of("phase", options.phase().key()));
        overlay.putAll(auth == null ? SandboxAuth.disabledOverlay(options) : auth.configOverlay());
        return overlay;
    }

    /** Prints how to reach the parts by hand, for {@code --keep}; never prints a password. */
    public void printConnectionHelp(PrintStream out) {
        out.println("Sandbox is running (stop it with Ctrl+C):");
        out.println("  PostgreSQL     127.0.0.1:" + cluster.port() + " (superuser postgres, trusted on loopback)");
        out.println("                 psql -h 127.0.0.1 -p " + cluster.port() + " -U postgres -d tenancy");
        out.println("  Kubernetes API " + kubernetes.url() + " (fabric8 mock, CRUD mode, namespace " + NAMESPACE + ")");
        out.println(
                "                 role passwords are in Secrets identity-db-credentials and tenancy-db-credentials");
        out.println("  Legacy catalog database " + LegacyPlatform.DATABASE + " in cutover phase " + options.phase()
                + ", role password in Secret " + LegacyPlatform.SECRET);
        if (auth != null) {
            out.println("  Keycloak       " + keycloak.publicUrl() + " (in-cluster URL " + auth.internalUrl()
                    + "), persona passwords in Secret " + SandboxAuth.PERSONAS_SECRET);
            out.println("  Platform       " + auth.platformEndpoint());
        }
    }

    EmbeddedCluster cluster() {
        return cluster;
    }

    MockKubernetes kubernetes() {
        return kubernetes;
    }

    SandboxSeed seed() {
        return seed;
    }

    SandboxOptions options() {
        return options;
    }

    Map<String, String> passwords() {
        return passwords;
    }

    private static void requireKeycloakFor(SandboxOptions options, SandboxKeycloak keycloak) {
        if (keycloak == null) {
            options.faults().stream().filter(Fault::needsKeycloak).findFirst().ifPresent(fault -> {
                throw new IllegalArgumentException(
                        "fault " + fault.cliName() + " needs the sandbox's Keycloak; drop --no-keycloak");
            });
        } else if (keycloak.tenants() != options.tenants()) {
            throw new IllegalArgumentException("Keycloak serves the realms of " + keycloak.tenants()
                    + " tenants, but the sandbox seeds " + options.tenants());
        }
    }

    @Override
    public void close() {
        if (auth != null) {
            auth.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (kubernetes != null) {
            kubernetes.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }
}
