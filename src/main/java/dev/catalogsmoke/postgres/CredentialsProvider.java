package dev.catalogsmoke.postgres;

import dev.catalogsmoke.config.Catalog;
import java.util.Optional;

/** Supplies the credentials of each catalog's role, and the CA certificate when TLS verification needs one. */
public interface CredentialsProvider {

    /**
     * Returns the credentials of the catalog's role.
     *
     * @throws dev.catalogsmoke.engine.PrerequisiteUnavailable when the source cannot supply usable credentials
     */
    DbCredentials credentials(Catalog catalog);

    /**
     * Returns the credentials that read the legacy {@code platform} database during a cutover.
     *
     * @throws dev.catalogsmoke.engine.PrerequisiteUnavailable when the source cannot supply usable credentials
     */
    default DbCredentials legacyCredentials() {
        throw new dev.catalogsmoke.engine.PrerequisiteUnavailable(
                "no credentials for the legacy database: " + describe() + " supplies none");
    }

    /** Returns the PEM text of the CA that signs the server certificate, if the source has one. */
    Optional<String> caCertificate();

    /** Describes the source for the start-up banner, without any secret. */
    String describe();
}
