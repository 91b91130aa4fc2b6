package dev.catalogsmoke.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A phase of the move out of the legacy {@code platform} database, in the order an operator goes through them.
 *
 * <p>What the suite demands depends on the phase: checks declare the phases they apply in, and are skipped in the
 * others.
 */
public enum CutoverPhase {
    /** The new databases and their migrations exist; nothing reads them yet and they hold no data. */
    @JsonProperty("prepare")
    PREPARE,
    /** The one-time copy from the legacy tables has run; the legacy catalog is still the one in use. */
    @JsonProperty("backfill")
    BACKFILL,
    /** The services read and write only the new databases; the legacy tables are left as they were. */
    @JsonProperty("cutover")
    CUTOVER,
    /** No application role may write the legacy tables any more. */
    @JsonProperty("lockdown")
    LOCKDOWN,
    /** After a soak, the legacy tables are dropped, except those the configuration allows. */
    @JsonProperty("cleanup")
    CLEANUP;

    /** Returns the name used in configuration and on the command line, such as {@code backfill}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CutoverPhase> fromKey(String key) {
        return Arrays.stream(values()).filter(phase -> phase.key().equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key();
    }
}
