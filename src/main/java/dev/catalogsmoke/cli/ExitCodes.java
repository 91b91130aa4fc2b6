package dev.catalogsmoke.cli;

import dev.catalogsmoke.report.CheckStatus;
import dev.catalogsmoke.report.RunSummary;

/** The process exit codes, the contract with Argo CD, CI and scripts; the README documents the same table. */
public final class ExitCodes {

    /** Every selected check passed (skipped checks do not count against it). */
    public static final int PASSED = 0;

    /** At least one check failed. */
    public static final int CHECKS_FAILED = 1;

    /** Invalid usage or configuration, or no check selected. */
    public static final int INVALID_USAGE = 2;

    /** The environment did not become ready within its wait budgets, and nothing else failed. */
    public static final int NOT_READY = 3;

    /** Any other error, such as a bug or a report that cannot be written. */
    public static final int ERROR = 4;

    private ExitCodes() {}

    public static int of(RunSummary summary) {
        if (summary.count(CheckStatus.FAILED) > 0) {
            return CHECKS_FAILED;
        }
        if (summary.count(CheckStatus.NOT_READY) > 0) {
            return NOT_READY;
        }
        return PASSED;
    }
}
