package dev.catalogsmoke.sandbox;

import dev.catalogsmoke.config.CutoverPhase;
import dev.catalogsmoke.config.RoutingStrategy;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How to build a sandbox: the number of seeded tenants, the faults to inject, the base URL of the issuers, where
 * the role passwords come from, and the cutover phase to simulate. Passwords are random unless a test plants a
 * known canary.
 */
public record SandboxOptions(
        int tenants,
        Set<Fault> faults,
        String issuerBase,
        Supplier<String> passwords,
        CutoverPhase phase,
        RoutingStrategy routing) {

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
        if (routing != RoutingStrategy.IDP_ALIAS) {
            faults.stream().filter(Fault::needsAliasRouting).findFirst().ifPresent(fault -> {
                throw new IllegalArgumentException("fault " + fault.cliName()
                        + " breaks routing by identity provider alias, so it needs" + " --routing-key idp_alias");
            });
        }
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
                CutoverPhase.CLEANUP,
                RoutingStrategy.ISSUER);
    }

    public SandboxOptions withTenants(int count) {
        return new SandboxOptions(count, faults, issuerBase, passwords, phase, routing);
    }

    public SandboxOptions withFaults(Set<Fault> newFaults) {
        return new SandboxOptions(tenants, newFaults, issuerBase, passwords, phase, routing);
    }

    public SandboxOptions withPasswords(Supplier<String> newPasswords) {
        return new SandboxOptions(tenants, faults, issuerBase, newPasswords, phase, routing);
    }

    /** Returns these options simulating {@code newPhase}; the default is cleanup, the configuration's default. */
    public SandboxOptions withPhase(CutoverPhase newPhase) {
        return new SandboxOptions(tenants, faults, issuerBase, passwords, newPhase, routing);
    }

    /** Returns these options with the routing key strategy that the sandbox configures and its platform follows. */
    public SandboxOptions withRouting(RoutingStrategy newRouting) {
        return new SandboxOptions(tenants, faults, issuerBase, passwords, phase, newRouting);
    }

    public SandboxOptions withIssuerBase(String newIssuerBase) {
        return new SandboxOptions(tenants, faults, newIssuerBase, passwords, phase, routing);
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
