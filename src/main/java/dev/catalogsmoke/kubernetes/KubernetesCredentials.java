package dev.catalogsmoke.kubernetes;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.engine.PrerequisiteUnavailable;
import dev.catalogsmoke.engine.Problem;
import dev.catalogsmoke.engine.Waits;
import dev.catalogsmoke.postgres.CredentialsProvider;
import dev.catalogsmoke.postgres.DbCredentials;
import dev.catalogsmoke.postgres.LocalCredentials;
import dev.catalogsmoke.postgres.TlsMaterialMissing;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads each catalog's credentials from its Secret, and the CA from the cluster's CA Secret. */
public final class KubernetesCredentials implements CredentialsProvider {

    private final SmokeConfig config;
    private final SecretReader secrets;
    private final Map<Catalog, SecretSnapshot> cache = new EnumMap<>(Catalog.class);

    public KubernetesCredentials(SmokeConfig config, KubernetesAccess kubernetes, Waits waits) {
        this.config = config;
        this.secrets = new SecretReader(kubernetes, waits, config.waits().secret());
    }

    /** Waits for the catalog's Secret and returns it as read, whether or not it is well formed. */
    public synchronized SecretSnapshot secret(Catalog catalog) {
        SecretSnapshot snapshot = cache.get(catalog);
        if (snapshot == null) {
            snapshot = secrets.await(config.namespace(), config.catalog(catalog).secret());
            cache.put(catalog, snapshot);
        }
        return snapshot;
    }

    @Override
    public DbCredentials credentials(Catalog catalog) {
        SecretSnapshot secret;
        try {
            secret = secret(catalog);
        } catch (RuntimeException e) {
            throw new PrerequisiteUnavailable("no credentials for the " + catalog + " catalog: " + e.getMessage(), e);
        }
        List<Problem> problems =
                CredentialsSecretRules.problems(secret, config.catalog(catalog).role());
        boolean unusable = secret.text("username").filter(s -> !s.isEmpty()).isEmpty()
                || secret.text("password").filter(s -> !s.isEmpty()).isEmpty();
        if (unusable) {
            throw new PrerequisiteUnavailable("no usable credentials for the " + catalog + " catalog: "
                    + problems.get(0).line());
        }
        return new DbCredentials(
                secret.text("username").orElseThrow(),
                secret.text("password").orElseThrow(),
                "Secret " + secret.ref() + " (resourceVersion " + secret.resourceVersion() + ")");
    }

    @Override
    public DbCredentials legacyCredentials() {
        String database = config.cutover().legacy().database();
        SecretSnapshot secret;
        try {
            secret = secrets.await(config.namespace(), config.cutover().legacy().secret());
        } catch (RuntimeException e) {
            throw new PrerequisiteUnavailable("no credentials for the legacy database " + database + " (Secret named by"
                    + " cutover.legacy.secret): " + e.getMessage());
        }
        Optional<String> username = secret.text("username").filter(s -> !s.isEmpty());
        Optional<String> password = secret.text("password").filter(s -> !s.isEmpty());
        if (username.isEmpty() || password.isEmpty()) {
            throw new PrerequisiteUnavailable("no usable credentials for the legacy database " + database + ": Secret "
                    + secret.ref() + " needs a non-empty 'username' and 'password' in UTF-8; keys present: "
                    + secret.keys());
        }
        return new DbCredentials(
                username.get(),
                password.get(),
                "Secret " + secret.ref() + " (resourceVersion " + secret.resourceVersion() + ")");
    }

    @Override
    public Optional<String> caCertificate() {
        SmokeConfig.Tls tls = config.postgres().tls();
        if (!tls.caFile().isEmpty()) {
            return LocalCredentials.readCaFile(tls.caFile());
        }
        String ref = config.namespace() + "/" + tls.caSecret();
        SecretSnapshot secret;
        try {
            secret = secrets.await(config.namespace(), tls.caSecret());
        } catch (RuntimeException e) {
            throw new TlsMaterialMissing("postgres.tls.mode is verify-full but the CA Secret " + ref
                    + " could not be read: " + e.getMessage() + "; mount the cluster's CA Secret (key "
                    + tls.caKey() + ") or set postgres.tls.caFile");
        }
        return Optional.of(secret.text(tls.caKey())
                .filter(pem -> !pem.isBlank())
                .orElseThrow(() -> new TlsMaterialMissing("postgres.tls.mode is verify-full but the CA Secret " + ref
                        + " has no key '"
                        + tls.caKey() + "' (keys present: " + secret.keys() + "); point postgres.tls.caKey at the"
                        + " key holding the CA certificate")));
    }

    @Override
    public String describe() {
        return "Kubernetes Secrets in namespace " + config.namespace();
    }
}
