package dev.catalogsmoke.checks;

import dev.catalogsmoke.config.SmokeConfig;
import dev.catalogsmoke.engine.BoundedConcurrency;
import dev.catalogsmoke.engine.BoundedConcurrency.Outcome;
import dev.catalogsmoke.engine.NotReadyException;
import dev.catalogsmoke.keycloak.RealmTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one task per seeded realm, {@code keycloak.concurrency} realms at a time, and sorts the outcomes in the order
 * of the realms: values of the tasks that succeeded, a finding per realm whose task failed, and the waits that ran
 * out. A run whose only problem is a wait that ran out reports NOT_READY, as a serial wait would.
 */
final class RealmFanOut {

    /** Requests of one realm's task that may each take {@code keycloak.requestTimeout} after its wait ends. */
    private static final int REQUESTS_AFTER_WAIT = 4;

    private final BoundedConcurrency concurrency;
    private final Duration perRealm;
    private final String task;
    private final String next;
    private final Map<RealmTarget, NotReadyException> notReady = new LinkedHashMap<>();

    /**
     * {@code task} names the work for messages and threads, such as {@code "realm discovery"}. {@code next} is the
     * advice that a failed realm's finding ends with.
     */
    RealmFanOut(SmokeConfig.Keycloak settings, String task, String next) {
        this.perRealm = settings.realmBudget().plus(settings.requestTimeout().multipliedBy(REQUESTS_AFTER_WAIT));
        this.concurrency = new BoundedConcurrency(settings.concurrency(), perRealm, task);
        this.task = task;
        this.next = next;
    }

    /** Runs {@code work} for every target and returns the values of the realms whose task succeeded, in order. */
    <R> Map<RealmTarget, R> run(List<RealmTarget> targets, Function<RealmTarget, R> work, Findings findings) {
        Map<RealmTarget, R> values = new LinkedHashMap<>();
        for (Outcome<RealmTarget, R> outcome : concurrency.run(targets, work)) {
            RealmTarget target = outcome.item();
            if (outcome.succeeded()) {
                values.put(target, outcome.value());
            } else if (outcome.timedOut()) {
                notReady.put(target, timedOut(target));
            } else if (outcome.error() instanceof NotReadyException waitRanOut) {
                notReady.put(target, waitRanOut);
            } else {
                findings.add(target.describe(), task + " failed: " + describe(outcome.error()), next);
            }
        }
        return values;
    }

    /**
     * Throws every finding as one failure, with the waits that ran out listed among them. When there is no finding,
     * throws the waits that ran out as NOT_READY, and when there is neither, returns.
     */
    void assertNone(Findings findings, String subject) {
        if (!findings.isEmpty()) {
            notReady.forEach((target, wait) -> findings.add(target.describe(), wait.getMessage(), next));
            findings.assertNone(subject);
        }
        if (!notReady.isEmpty()) {
            throw NotReadyException.combined(new ArrayList<>(notReady.values()));
        }
    }

    private NotReadyException timedOut(RealmTarget target) {
        return new NotReadyException(
                task + " of " + target.describe(),
                perRealm,
                perRealm,
                "no result within keycloak.realmBudget plus " + REQUESTS_AFTER_WAIT + " times keycloak.requestTimeout",
                next);
    }

    private static String describe(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
