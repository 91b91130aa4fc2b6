package dev.catalogsmoke.cutover;

import dev.catalogsmoke.cutover.ParityResult.Difference;
import dev.catalogsmoke.cutover.ParityResult.Kind;
import dev.catalogsmoke.engine.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@link ParityResult} into report lines: one per sampled key, naming the table, the key and the value on
 * each side, and one line per kind that has more keys than the sample shows.
 */
public final class ParityFindings {

    private final KeyedRows legacy;
    private final KeyedRows current;

    public ParityFindings(KeyedRows legacy, KeyedRows current) {
        this.legacy = legacy;
        this.current = current;
    }

    /** Returns the problems of the kinds in {@code failing}, in the order of {@link Kind}. */
    public List<Problem> problems(ParityResult result, Set<Kind> failing) {
        List<Problem> problems = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (!failing.contains(kind) || result.count(kind) == 0) {
                continue;
            }
            for (Difference difference : result.sample(kind)) {
                problems.add(problem(kind, difference));
            }
            long unlisted = result.count(kind) - result.sample(kind).size();
            if (unlisted > 0) {
                problems.add(Problem.of(
                        tableOf(kind),
                        unlisted + " more keys of this kind (" + describe(kind) + ") are not listed; "
                                + result.count(kind) + " in total",
                        "Query the table for the full list"));
            }
        }
        return problems;
    }

    /** Returns the counts on both sides and per kind, such as for the headline of a failure. */
    public String summary(ParityResult result) {
        return "legacy " + legacy.describe() + " has " + result.legacyRows() + " rows, " + current.describe()
                + " has " + result.newRows() + " rows; " + result.matchedKeys() + " keys match, "
                + result.count(Kind.MISSING) + " missing from the new table, " + result.count(Kind.EXTRA)
                + " only in the new table, " + result.count(Kind.DIFFERENT) + " with a different " + current.value()
                + ", " + (result.count(Kind.DUPLICATE_IN_LEGACY) + result.count(Kind.DUPLICATE_IN_NEW))
                + " duplicated, " + (result.count(Kind.NULL_KEY_IN_LEGACY) + result.count(Kind.NULL_KEY_IN_NEW))
                + " with a NULL key";
    }

    private Problem problem(Kind kind, Difference difference) {
        String key = key(difference.key());
        String legacyValue = values(legacy, difference.legacyValues());
        String newValue = values(current, difference.newValues());
        String legacyTable = "legacy " + legacy.describe();
        return switch (kind) {
            case MISSING ->
                Problem.of(
                        current.describe() + ", " + key,
                        "row is missing although " + legacyTable + " has it",
                        legacyValue,
                        newValue,
                        "Copy the row from the legacy table (re-run the backfill for this key)");
            case EXTRA ->
                Problem.of(
                        current.describe() + ", " + key,
                        "row has no counterpart in " + legacyTable,
                        legacyValue,
                        newValue,
                        "Before cutover only the backfill writes the new catalogs; find what wrote this row");
            case DIFFERENT ->
                Problem.of(
                        current.describe() + ", " + key,
                        current.value() + " differs from " + legacyTable,
                        legacyValue,
                        newValue,
                        "Correct the row from the legacy table and make the backfill query deterministic");
            case DUPLICATE_IN_LEGACY ->
                Problem.of(
                        legacyTable + ", " + key,
                        "key is on more than one row, so the backfill had to pick one; the new table holds " + newValue,
                        "one " + legacy.value(),
                        legacyValue,
                        "Decide which row is right, delete the others from the legacy table and correct the new row");
            case DUPLICATE_IN_NEW ->
                Problem.of(
                        current.describe() + ", " + key,
                        "key is on more than one row but on one in " + legacyTable,
                        legacyValue,
                        newValue,
                        "Delete the rows that the legacy table does not have");
            case NULL_KEY_IN_LEGACY ->
                Problem.of(
                        legacyTable,
                        "row has a NULL key column (" + key + "), so it cannot be matched; it holds " + legacyValue,
                        "no NULL in " + legacy.keys(),
                        key,
                        "Fix or delete the row in the legacy table, then copy it again");
            case NULL_KEY_IN_NEW ->
                Problem.of(
                        current.describe(),
                        "row has a NULL key column (" + key + "), so it cannot be matched; it holds " + newValue,
                        "no NULL in " + current.keys(),
                        key,
                        "Fix or delete the row in the new table");
        };
    }

    private String tableOf(Kind kind) {
        return kind == Kind.DUPLICATE_IN_LEGACY || kind == Kind.NULL_KEY_IN_LEGACY
                ? "legacy " + legacy.describe()
                : current.describe();
    }

    private static String describe(Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private String key(List<String> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            parts.add(current.keys().get(i) + " " + quote(values.get(i)));
        }
        return String.join(", ", parts);
    }

    private static String values(KeyedRows side, List<String> values) {
        if (values.isEmpty()) {
            return "no row";
        }
        List<String> quoted = new ArrayList<>();
        values.forEach(value -> quoted.add(quote(value)));
        return side.value() + " " + String.join(", ", quoted);
    }

    private static String quote(String value) {
        return value == null ? "NULL" : "'" + value + "'";
    }
}
