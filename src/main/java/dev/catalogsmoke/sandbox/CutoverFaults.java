package dev.catalogsmoke.sandbox;

import static dev.catalogsmoke.config.CutoverPhase.BACKFILL;
import static dev.catalogsmoke.config.CutoverPhase.CLEANUP;
import static dev.catalogsmoke.config.CutoverPhase.CUTOVER;
import static dev.catalogsmoke.config.CutoverPhase.LOCKDOWN;

import dev.catalogsmoke.config.CutoverPhase;
import dev.catalogsmoke.config.SmokeConfig.SeedTenant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The faults of a cutover, and the phases in which each can happen. A backfill fault needs the legacy rows, which
 * cleanup drops. A lockdown fault needs the lockdown, and a cleanup fault the cleanup.
 */
final class CutoverFaults {

    private static final Set<CutoverPhase> WHILE_LEGACY_ROWS_EXIST = EnumSet.of(BACKFILL, CUTOVER, LOCKDOWN);

    private static final Map<Fault, Set<CutoverPhase>> PHASES = Map.of(
            Fault.BACKFILL_MISSING_ROWS, WHILE_LEGACY_ROWS_EXIST,
            Fault.BACKFILL_TENANT_MISMATCH, WHILE_LEGACY_ROWS_EXIST,
            Fault.BACKFILL_DUPLICATE_ISSUER, WHILE_LEGACY_ROWS_EXIST,
            Fault.LEGACY_STILL_WRITABLE, EnumSet.of(LOCKDOWN),
            Fault.LEGACY_TABLES_PRESENT, EnumSet.of(CLEANUP));

    /** The tenant whose routing row the backfill copied wrongly; the seed does not list it. */
    static final String MISROUTED_TENANT = "umbrella";

    private CutoverFaults() {}

    /** Returns the phases in which the fault can be injected; every phase for a fault that is not a cutover's. */
    static Set<CutoverPhase> phases(Fault fault) {
        return PHASES.getOrDefault(fault, EnumSet.allOf(CutoverPhase.class));
    }

    /** Returns a message naming the first fault that cannot happen in {@code phase}, or empty when all can. */
    static Optional<String> conflict(Set<Fault> faults, CutoverPhase phase) {
        return faults.stream()
                .filter(fault -> !phases(fault).contains(phase))
                .findFirst()
                .map(fault -> "fault " + fault.cliName() + " can be injected in phase "
                        + phases(fault).stream().map(CutoverPhase::key).collect(Collectors.joining(" or "))
                        + ", not in phase " + phase);
    }

    static void inject(Sandbox sandbox, Fault fault) {
        EmbeddedCluster cluster = sandbox.cluster();
        switch (fault) {
            case BACKFILL_MISSING_ROWS ->
                cluster.execute(
                        "identity",
                        "DELETE FROM external_identities WHERE subject IN (md5('initech/subject/4')::uuid::text,"
                                + " md5('initech/subject/5')::uuid::text)");
            case BACKFILL_TENANT_MISMATCH -> misroute(sandbox);
            case BACKFILL_DUPLICATE_ISSUER ->
                cluster.execute(
                        LegacyPlatform.DATABASE,
                        "INSERT INTO tenant_routing (issuer, tenant_id, realm_name) SELECT r.issuer, g.tenant_id,"
                                + " r.realm_name FROM tenant_routing r, tenants g"
                                + " WHERE r.realm_name = 'acme' AND g.tenant_slug = 'globex'");
            case LEGACY_STILL_WRITABLE ->
                cluster.execute(
                        LegacyPlatform.DATABASE,
                        "GRANT INSERT, UPDATE ON tenant_routing TO " + LegacyPlatform.APPLICATION_ROLE);
            case LEGACY_TABLES_PRESENT -> {
                // Applied by SandboxCutover, which leaves the table in place when it drops the others.
            }
            default -> throw new IllegalArgumentException(fault + " is not a cutover fault");
        }
    }

    /** Writes tenant umbrella into both catalogs, as a backfill would, but routes its issuer to acme's tenant. */
    private static void misroute(Sandbox sandbox) {
        SeedTenant acme = sandbox.seed().tenants().get(0);
        String tenantId = SandboxCutover.tenantId(MISROUTED_TENANT);
        String issuer = EmbeddedCluster.literal(sandbox.options().issuerBase() + "/realms/" + MISROUTED_TENANT);
        String tenant =
                "INSERT INTO tenants (tenant_id, tenant_slug) VALUES ('" + tenantId + "', '" + MISROUTED_TENANT + "')";
        sandbox.cluster()
                .execute(
                        LegacyPlatform.DATABASE,
                        tenant,
                        "INSERT INTO tenant_routing (issuer, tenant_id, realm_name) VALUES (" + issuer + ", '"
                                + tenantId + "', '" + MISROUTED_TENANT + "')");
        sandbox.cluster()
                .execute(
                        "tenancy",
                        tenant,
                        "INSERT INTO tenant_routing_view (issuer, tenant_id, realm_name) VALUES (" + issuer + ", '"
                                + acme.id() + "', '" + MISROUTED_TENANT + "')");
    }
}
