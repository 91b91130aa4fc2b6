package dev.catalogsmoke.sandbox;

import java.util.List;

/** Certificates for tests that need a CA other than the sandbox's own. */
public final class SandboxTlsForTests {

    private SandboxTlsForTests() {}

    /** Returns the PEM of a fresh CA that signed nothing the sandbox serves. */
    public static String otherCa() {
        return SandboxTls.create(List.of("127.0.0.1")).caPem();
    }
}
