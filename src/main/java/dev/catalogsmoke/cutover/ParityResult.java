package dev.catalogsmoke.cutover;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The result of a {@link ParityScan}: row counts on both sides, and per kind of difference a count and a sample. */
public final class ParityResult {

    /** Kind of difference of one key between the legacy table and the new one. */
    public enum Kind {
        /** The legacy table has the key, the new table has not. */
        MISSING,
        /** The new table has the key, the legacy table has not. */
        EXTRA,
        /** Both have the key once, with different values. */
        DIFFERENT,
        /** The legacy table has the key more than once. */
        DUPLICATE_IN_LEGACY,
        /** The legacy table has the key once, the new table more than once. */
        DUPLICATE_IN_NEW,
        /** A legacy row has a NULL key column, so it cannot be matched. */
        NULL_KEY_IN_LEGACY,
        /** A new row has a NULL key column, so it cannot be matched. */
        NULL_KEY_IN_NEW
    }

    /** One key that differs, with up to five of its values on each side. An empty list means no row. */
    public record Difference(List<String> key, List<String> legacyValues, List<String> newValues) {}

    private final int sampleSize;
    private final Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    private final Map<Kind, List<Difference>> samples = new EnumMap<>(Kind.class);
    private long legacyRows;
    private long newRows;
    private long matchedKeys;

    ParityResult(int sampleSize) {
        this.sampleSize = sampleSize;
        for (Kind kind : Kind.values()) {
            counts.put(kind, 0L);
            samples.put(kind, new ArrayList<>());
        }
    }

    void record(Kind kind, Difference difference) {
        counts.merge(kind, 1L, Long::sum);
        List<Difference> sample = samples.get(kind);
        if (sample.size() < sampleSize) {
            sample.add(difference);
        }
    }

    void countRows(long legacy, long current) {
        legacyRows += legacy;
        newRows += current;
    }

    void countMatch() {
        matchedKeys++;
    }

    public long legacyRows() {
        return legacyRows;
    }

    public long newRows() {
        return newRows;
    }

    /** Keys present once on each side with the same value. */
    public long matchedKeys() {
        return matchedKeys;
    }

    public long count(Kind kind) {
        return counts.get(kind);
    }

    /** Returns the first differences of this kind in key order, at most the sample size. */
    public List<Difference> sample(Kind kind) {
        return List.copyOf(samples.get(kind));
    }
}
