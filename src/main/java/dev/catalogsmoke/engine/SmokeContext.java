package dev.catalogsmoke.engine;

import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.cutover.LegacySessions;
import dev.catalogsmoke.kubernetes.KubernetesAccess;
import dev.catalogsmoke.postgres.CredentialsProvider;
import dev.catalogsmoke.postgres.PostgresSessions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything a check needs for one run: the configuration and the shared clients built from it.
 *
 * <p>The runner creates one per run and closes it afterwards; checks receive it as a parameter.
 */
public final class SmokeContext implements AutoCloseable {

    private final SmokeConfig config;
    private final KubernetesAccess kubernetes;
    private final CredentialsProvider credentials;
    private final PostgresSessions sessions;
    private final LegacySessions legacy;
    private final Waits waits;
    private final boolean failFast;
    private final AtomicBoolean failureSeen = new AtomicBoolean();
    private final Set<Thread> checkThreads = ConcurrentHashMap.newKeySet();

    public SmokeContext(
            SmokeConfig config, KubernetesAccess kubernetes, CredentialsProvider credentials, boolean failFast) {
        this.config = config;
        this.kubernetes = kubernetes;
        this.credentials = credentials;
        this.waits = new Waits(config.waits().pollInterval());
        this.sessions = new PostgresSessions(config, credentials, waits);
        this.legacy = new LegacySessions(config, credentials, sessions, waits);
        this.failFast = failFast;
    }

    public SmokeConfig config() {
        return config;
    }

    public KubernetesAccess kubernetes() {
        return kubernetes;
    }

    public CredentialsProvider credentials() {
        return credentials;
    }

    public PostgresSessions sessions() {
        return sessions;
    }

    /** Sessions on the legacy database that the cutover retires. */
    public LegacySessions legacy() {
        return legacy;
    }

    public Waits waits() {
        return waits;
    }

    boolean failFast() {
        return failFast;
    }

    boolean failureSeen() {
        return failureSeen.get();
    }

    void recordFailure() {
        failureSeen.set(true);
    }

    void checkStarted(Thread thread) {
        checkThreads.add(thread);
    }

    void checkFinished(Thread thread) {
        checkThreads.remove(thread);
    }

    /** Interrupts the threads of checks still running, so their waits end; returns how many were interrupted. */
    int interruptRunningChecks() {
        int count = 0;
        for (Thread thread : checkThreads) {
            thread.interrupt();
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        kubernetes.close();
    }
}
