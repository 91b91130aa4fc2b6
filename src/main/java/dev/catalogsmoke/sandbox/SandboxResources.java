package dev.catalogsmoke.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes into the mock API server what CNPG would create for the two catalogs. */
final class SandboxResources {

    static final String BASIC_AUTH = "kubernetes.io/basic-auth";

    private final MockKubernetes kubernetes;
    private final SandboxOptions options;
    private final Map<String, String> passwords;
    private final String caPem;

    SandboxResources(MockKubernetes kubernetes, SandboxOptions options, Map<String, String> passwords, String caPem) {
        this.kubernetes = kubernetes;
        this.options = options;
        this.passwords = passwords;
        this.caPem = caPem;
    }

    void create() {
        kubernetes.createNamespace(Sandbox.NAMESPACE);
        for (String catalog : passwords.keySet()) {
            kubernetes.putSecret(Sandbox.NAMESPACE, catalog + "-db-credentials", BASIC_AUTH, secretData(catalog));
        }
        kubernetes.putSecret(Sandbox.NAMESPACE, Sandbox.CA_SECRET, "Opaque", Map.of("ca.crt", caPem));
        kubernetes.createCnpgDatabaseDefinition();
        for (String catalog : passwords.keySet()) {
            kubernetes.putCnpgDatabase(Sandbox.NAMESPACE, catalog, spec(catalog), appliedStatus());
        }
    }

    /** Returns the keys CNPG writes for a managed role, or only username and password for {@link Fault#SECRET_THIN}. */
    Map<String, String> secretData(String catalog) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("username", catalog);
        data.put("password", passwords.get(catalog));
        if (!options.has(Fault.SECRET_THIN)) {
            String host = Sandbox.CLUSTER + "-rw";
            data.put("host", host);
            data.put("port", "5432");
            data.put("dbname", catalog);
            data.put("uri", "postgresql://" + catalog + "@" + host + ":5432/" + catalog);
            data.put("jdbc-uri", "jdbc:postgresql://" + host + ":5432/" + catalog);
        }
        return data;
    }

    static Map<String, Object> spec(String catalog) {
        return Map.of("name", catalog, "owner", catalog, "cluster", Map.of("name", Sandbox.CLUSTER));
    }

    static Map<String, Object> appliedStatus() {
        return Map.of("applied", true, "observedGeneration", 1);
    }
}
