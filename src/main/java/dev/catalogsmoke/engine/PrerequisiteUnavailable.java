package dev.catalogsmoke.engine;

import org.opentest4j.TestAbortedException;

/**
 * A check cannot run because something another check verifies is broken, such as the credentials it needs.
 *
 * <p>The check is reported as skipped with this reason, so one fault fails only the check that owns it. When no
 * selected check reports a fault, the report turns these skips into failures, or into NOT_READY when the cause was
 * a wait that ran out (see {@link #notReady()}).
 */
public class PrerequisiteUnavailable extends TestAbortedException {

    public PrerequisiteUnavailable(String message) {
        super(message);
    }

    public PrerequisiteUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** Returns whether the cause was a named wait that ran out of budget. */
    public boolean notReady() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof NotReadyException) {
                return true;
            }
        }
        return false;
    }
}
