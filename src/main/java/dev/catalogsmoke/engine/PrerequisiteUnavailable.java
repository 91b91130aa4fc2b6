package dev.catalogsmoke.engine;

import org.opentest4j.TestAbortedException;

/**
 * A check cannot run because something another check verifies is broken, such as the credentials it needs.
 *
 * <p>The check is reported as skipped with this reason, so one fault fails only the check that owns it.
 */
public class PrerequisiteUnavailable extends TestAbortedException {

    public PrerequisiteUnavailable(String message) {
        super(message);
    }
}
