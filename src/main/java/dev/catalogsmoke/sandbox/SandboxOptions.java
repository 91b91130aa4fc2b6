package dev.catalogsmoke.sandbox;

import dev.catalogsmoke.config.CutoverPhase;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How to build a sandbox: the number of seeded tenants, the faults to inject, the base URL of the issuers, where
 * the role passwords come from, and the cutover phase to simulate. Passwords are random unless a test plants a
 * known canary.
 */
public record SandboxOptions(
        int tenants, Set<Fault> faults, String issuerBase, Supplier<String> passwords, CutoverPhase phase) {

    public static final String DEFAULT_ISSUER_BASE = "http://127.0.0.1:18080";

    public SandboxOptions {
        if (tenants < 3) {
            throw new IllegalArgumentException(
                    "the sandbox needs at least 3 tenants (acme, globex, initech), got " + tenants);
        }
        faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
        CutoverFaults.conflict(faults, phase).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
    }

    /**
     * System property that fixes both role passwords, so a test can plant a canary and search every output for it.
     * Unset, each role gets a random password.
     */
    public static final String PASSWORD_PROPERTY = "catalogsmoke.sandbox.password";

    public static SandboxOptions defaults() {
        String fixed = System.getProperty(PASSWORD_PROPERTY);
        return new SandboxOptions(
                3,
                Set.of(),
                DEFAULT_ISSUER_BASE,
                fixed == null ? SandboxOptions::randomPassword : () -> fixed,
                CutoverPhase.CLEANUP);
    }

    public SandboxOptions withTenants(int count) {
        return new SandboxOptions(count, faults, issuerBase, passwords, phase);
    }

    public SandboxOptions withFaults(Set<Fault> newFaults) {
        return new SandboxOptions(tenants, newFaults, issuerBase, passwords, phase);
    }

    public SandboxOptions withPasswords(Supplier<String> newPasswords) {
        return new SandboxOptions(tenants, faults, issuerBase, newPasswords, phase);
    }

    /** Returns these options simulating {@code newPhase}; the default is cleanup, the configuration's default. */
    public SandboxOptions withPhase(CutoverPhase newPhase) {
        return new SandboxOptions(tenants, faults, issuerBase, passwords, newPhase);
    }

    public SandboxOptions withIssuerBase(String newIssuerBase) {
        return new SandboxOptions(tenants, faults, newIssuerBase, passwords, phase);
    }

    boolean has(Fault fault) {
        return faults.contains(fault);
    }

    public static String randomPassword() {
        byte[] bytes = new byte[18];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
