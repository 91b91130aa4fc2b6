package dev.catalogsmoke.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Breaks a running sandbox the way each {@link Fault} describes, through the same interfaces an operator's mistake
 * would go through: SQL as the superuser, and writes to the Kubernetes API. Faults that shape the start-up (TLS,
 * slow start, thin Secrets) are applied by {@link Sandbox} itself.
 */
final class FaultInjector {

    private final Sandbox sandbox;

    FaultInjector(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void inject(Set<Fault> faults) {
        for (Fault fault : faults) {
            inject(fault);
        }
    }

    private void inject(Fault fault) {
        if (fault.needsKeycloak()) {
            // Applied by SandboxAuth and SandboxSeed, which own Keycloak, the platform and the issuers.
            return;
        }
        switch (fault) {
            case SECRET_MISSING_PASSWORD -> editSecret("identity", data -> data.remove("password"));
            case SECRET_WRONG_TYPE ->
                sandbox.kubernetes()
                        .putSecret(
                                Sandbox.NAMESPACE,
                                "identity-db-credentials",
                                "Opaque",
                                resources().secretData("identity"));
            case SECRET_WRONG_USERNAME -> editSecret("identity", data -> data.put("username", "identity_app"));
            case SECRET_BINARY_PASSWORD -> binaryPassword();
            case PASSWORD_DRIFT ->
                sql(
                        "postgres",
                        "ALTER ROLE tenancy PASSWORD " + EmbeddedCluster.literal(SandboxOptions.randomPassword()));
            case DATABASE_NOT_APPLIED -> databaseNotApplied();
            case DATABASE_STATUS_EMPTY ->
                sandbox.kubernetes()
                        .putCnpgDatabase(Sandbox.NAMESPACE, "tenancy", SandboxResources.spec("tenancy"), null);
            case DATABASE_STATUS_UNREADABLE ->
                sandbox.kubernetes()
                        .putCnpgDatabase(
                                Sandbox.NAMESPACE,
                                "identity",
                                SandboxResources.spec("identity"),
                                Map.of("applied", "yes", "observedGeneration", 1));
            case CONNECT_GRANTED_TO_PUBLIC -> sql("postgres", "GRANT CONNECT ON DATABASE tenancy TO PUBLIC");
            case PUBLIC_SCHEMA_FOREIGN_OWNER -> sql("identity", "ALTER SCHEMA public OWNER TO postgres");
            case TLS_CA_MISSING ->
                sandbox.kubernetes()
                        .putSecret(
                                Sandbox.NAMESPACE, Sandbox.CA_SECRET, "Opaque", Map.of("ca.key", "not a certificate"));
            case FLYWAY_FAILED_ROW ->
                sql("identity", "UPDATE flyway_schema_history SET success = false" + " WHERE version = '4'");
            case FLYWAY_CHECKSUM_MISMATCH ->
                sql("identity", "UPDATE flyway_schema_history SET checksum = 2222" + " WHERE version = '2'");
            case FLYWAY_MISSING_VERSION -> sql("tenancy", "DELETE FROM flyway_schema_history WHERE version = '3'");
            case FLYWAY_UNKNOWN_VERSION ->
                sql(
                        "tenancy",
                        "INSERT INTO flyway_schema_history (installed_rank,"
                                + " version, description, type, script, checksum, installed_by, execution_time, success)"
                                + " VALUES (5, '5', 'hotfix', 'SQL', 'V5__hotfix.sql', 5555, 'tenancy', 1, true)");
            case FLYWAY_HISTORY_MISSING ->
                sql("identity", "CREATE SCHEMA archive", "ALTER TABLE public.flyway_schema_history SET SCHEMA archive");
            case SCHEMA_MISSING_UNIQUE ->
                sql(
                        "identity",
                        "ALTER TABLE external_identities DROP CONSTRAINT" + " external_identities_issuer_subject_key");
            case ROUTING_TRAILING_SLASH ->
                sql("tenancy", "UPDATE tenant_routing_view SET issuer = issuer || '/'" + " WHERE realm_name = 'acme'");
            case ROUTING_MISSING_ISSUER ->
                sql("tenancy", "DELETE FROM tenant_routing_view WHERE realm_name = 'globex'");
            case ROUTING_INACTIVE_TENANT ->
                sql("tenancy", "UPDATE tenants SET status = 'suspended'" + " WHERE tenant_slug = 'initech'");
            case ROUTING_DUPLICATE_ISSUER ->
                sql(
                        "tenancy",
                        "ALTER TABLE tenant_routing_view DROP CONSTRAINT" + " tenant_routing_view_issuer_key",
                        "INSERT INTO tenant_routing_view (issuer, tenant_id,"
                                + " realm_name) SELECT a.issuer, g.tenant_id, 'acme' FROM tenant_routing_view a, tenants g"
                                + " WHERE a.realm_name = 'acme' AND g.tenant_slug = 'globex'");
            case ROUTING_UNLINKED_ISSUER ->
                sql(
                        "identity",
                        "INSERT INTO external_identities (issuer, subject,"
                                + " user_id) SELECT '" + sandbox.options().issuerBase()
                                + "/realms/ghost', 'ghost-subject',"
                                + " user_id FROM users ORDER BY user_id LIMIT 1");
            case ROUTING_ALIAS_MISSING ->
                sql("tenancy", "UPDATE tenant_routing_view SET idp_alias = NULL WHERE realm_name = 'initech'");
            case ROUTING_DUPLICATE_ALIAS ->
                sql(
                        "tenancy",
                        "ALTER TABLE tenant_routing_view DROP CONSTRAINT tenant_routing_view_idp_alias_key",
                        "INSERT INTO tenant_routing_view (issuer, tenant_id, realm_name, idp_alias) SELECT"
                                + " a.issuer || '-copy', g.tenant_id, 'acme', 'acme' FROM tenant_routing_view a,"
                                + " tenants g WHERE a.realm_name = 'acme' AND g.tenant_slug = 'globex'");
            case ORPHAN_MEMBERSHIPS -> orphanMemberships();
            case ALIAS_DANGLING ->
                sql(
                        "tenancy",
                        "INSERT INTO tenant_aliases (legacy_tenant_id, tenant_id) VALUES"
                                + " ('legacy-vanished', '00000000-0000-0000-0000-00000000dead')");
            case BACKFILL_MISSING_ROWS,
                    BACKFILL_TENANT_MISMATCH,
                    BACKFILL_DUPLICATE_ISSUER,
                    LEGACY_STILL_WRITABLE,
                    LEGACY_TABLES_PRESENT -> CutoverFaults.inject(sandbox, fault);
            case SECRET_THIN, SLOW_START, CLUSTER_UNREACHABLE, TLS_HOST_MISMATCH, TLS_SERVER_PLAINTEXT -> {
                // Applied while the sandbox starts.
            }
        }
    }

    private void databaseNotApplied() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("applied", false);
        status.put("message", "while reconciling database: role \"tenancy\" cannot be found");
        status.put("observedGeneration", 1);
        sandbox.kubernetes().putCnpgDatabase(Sandbox.NAMESPACE, "tenancy", SandboxResources.spec("tenancy"), status);
        sql("postgres", "DROP DATABASE tenancy WITH (FORCE)");
    }

    private void orphanMemberships() {
        sql(
                "tenancy",
                "INSERT INTO memberships (organization_id, user_id, role) SELECT organization_id, v.user_id,"
                        + " 'member' FROM organizations, (VALUES ('00000000-0000-0000-0000-0000000000a1'::uuid),"
                        + " ('00000000-0000-0000-0000-0000000000a2'::uuid), (md5('acme/subject/1')::uuid)) AS v(user_id)"
                        + " WHERE organizations.name = 'acme main'");
    }

    private void binaryPassword() {
        Map<String, byte[]> data = new LinkedHashMap<>();
        resources().secretData("tenancy").forEach((key, value) -> data.put(key, value.getBytes()));
        data.put("password", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0x80});
        sandbox.kubernetes()
                .putSecretBytes(Sandbox.NAMESPACE, "tenancy-db-credentials", SandboxResources.BASIC_AUTH, data);
    }

    private void editSecret(String catalog, java.util.function.Consumer<Map<String, String>> edit) {
        Map<String, String> data = new LinkedHashMap<>(resources().secretData(catalog));
        edit.accept(data);
        sandbox.kubernetes()
                .putSecret(Sandbox.NAMESPACE, catalog + "-db-credentials", SandboxResources.BASIC_AUTH, data);
    }

    private SandboxResources resources() {
        return new SandboxResources(sandbox.kubernetes(), sandbox.options(), sandbox.passwords(), "");
    }

    private void sql(String database, String... statements) {
        sandbox.cluster().execute(database, statements);
    }
}
