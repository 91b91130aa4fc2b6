package dev.catalogsmoke.sandbox;

import static dev.catalogsmoke.config.CutoverPhase.CLEANUP;
import static dev.catalogsmoke.config.CutoverPhase.CUTOVER;
import static dev.catalogsmoke.config.CutoverPhase.LOCKDOWN;

import dev.catalogsmoke.config.CutoverPhase;
import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Brings the sandbox's catalogs to a cutover phase by running, in order, the steps that lead there: the legacy
 * seed, the backfill, writes after cutover, the lockdown and the cleanup.
 */
final class SandboxCutover {

    /** The tenant that signs up after cutover, so it exists in the new catalogs only. */
    static final String TENANT_AFTER_CUTOVER = "hooli";

    private final Sandbox sandbox;
    private final LegacyPlatform legacy;

    SandboxCutover(Sandbox sandbox, LegacyPlatform legacy) {
        this.sandbox = sandbox;
        this.legacy = legacy;
    }

    void replay(CutoverPhase phase) {
        legacy.create();
        switch (phase) {
            case PREPARE -> legacy.seed(sandbox.seed());
            case BACKFILL, CUTOVER, LOCKDOWN -> {
                legacy.seed(sandbox.seed());
                SandboxBackfill.run(sandbox.cluster());
            }
            // The legacy rows are dropped in this phase anyway. The backfill copies every column unchanged, so
            // writing the seed straight into the new catalogs leaves the same rows, at half the cost.
            case CLEANUP -> sandbox.writeSeed();
        }
        if (phase == CUTOVER || phase == LOCKDOWN) {
            writeAfterCutover();
        }
        if (phase.compareTo(LOCKDOWN) >= 0) {
            legacy.lockDown();
        }
        if (phase == CLEANUP) {
            legacy.dropTables(sandbox.options().has(Fault.LEGACY_TABLES_PRESENT));
        }
    }

    /** Writes what the services create once they use only the new catalogs: a user, its link and a new tenant. */
    private void writeAfterCutover() {
        SeedTenant acme = sandbox.seed().tenants().get(0);
        String userId = "md5('" + acme.slug() + "/user/after-cutover')::uuid";
        sandbox.cluster()
                .execute(
                        "identity",
                        "INSERT INTO users (user_id, email, display_name) VALUES (" + userId + ", 'after-cutover@"
                                + acme.slug() + ".example.test', 'Signed up after cutover')",
                        "INSERT INTO external_identities (issuer, subject, user_id) VALUES ("
                                + EmbeddedCluster.literal(acme.issuer()) + ", md5('" + acme.slug()
                                + "/subject/after-cutover')::uuid::text, " + userId + ")");
        String tenantId = tenantId(TENANT_AFTER_CUTOVER);
        sandbox.cluster()
                .execute(
                        "tenancy",
                        "INSERT INTO tenants (tenant_id, tenant_slug) VALUES ('" + tenantId + "', '"
                                + TENANT_AFTER_CUTOVER + "')",
                        "INSERT INTO tenant_routing_view (issuer, tenant_id, realm_name) VALUES ("
                                + EmbeddedCluster.literal(issuer(TENANT_AFTER_CUTOVER)) + ", '" + tenantId + "', '"
                                + TENANT_AFTER_CUTOVER + "')");
    }

    /** Returns a tenant id derived from the slug, the way {@link SandboxSeed} derives them. */
    static String tenantId(String slug) {
        return UUID.nameUUIDFromBytes(("tenant/" + slug).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    String issuer(String slug) {
        return sandbox.options().issuerBase() + "/realms/" + slug;
    }
}
