package dev.catalogsmoke.report;

/** Outcome of one check, as printed in every report. */
public enum CheckStatus {
    PASSED("PASS"),
    FAILED("FAIL"),
    /** A named wait ran out of budget; see {@link dev.catalogsmoke.engine.NotReadyException}. */
    NOT_READY("NOT READY"),
    SKIPPED("SKIP");

    private final String label;

    CheckStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
