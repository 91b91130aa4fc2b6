package dev.catalogsmoke.cutover;

import dev.catalogsmoke.crosscatalog.OrphanScan;
import dev.catalogsmoke.cutover.ParityResult.Difference;
import dev.catalogsmoke.cutover.ParityResult.Kind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a legacy table with its copy in a new catalog, set-wise, key by key.
 *
 * <p>The two tables live in different databases, so no join can compare them. Each side is streamed once, sorted by
 * key and value in byte order ({@code COLLATE "C"}), and the two streams are merged in one pass: two statements
 * whatever the row count, and memory for one key's rows plus the samples.
 */
public final class ParityScan {

    private static final int FETCH_SIZE = 10_000;

    /** Values kept per key and side; a key with more rows is still counted once. */
    private static final int VALUES_KEPT = 5;

    private ParityScan() {}

    /** Streams both tables and returns every difference, counted, with the first {@code sampleSize} of each kind. */
    public static ParityResult scan(
            Connection legacy, KeyedRows legacyRows, Connection current, KeyedRows newRows, int sampleSize)
            throws SQLException {
        if (legacyRows.keys().size() != newRows.keys().size()) {
            throw new IllegalArgumentException("both sides need the same number of key columns");
        }
        legacy.setAutoCommit(false);
        current.setAutoCommit(false);
        try (Statement left = legacy.createStatement();
                Statement right = current.createStatement()) {
            left.setFetchSize(FETCH_SIZE);
            right.setFetchSize(FETCH_SIZE);
            try (ResultSet legacySet = left.executeQuery(legacyRows.sql());
                    ResultSet newSet = right.executeQuery(newRows.sql())) {
                int keyColumns = legacyRows.keys().size();
                return merge(new Groups(legacySet, keyColumns), new Groups(newSet, keyColumns), sampleSize);
            }
        } finally {
            legacy.rollback();
            current.rollback();
        }
    }

    private static ParityResult merge(Groups legacy, Groups current, int sampleSize) throws SQLException {
        ParityResult result = new ParityResult(sampleSize);
        Group left = legacy.next();
        Group right = current.next();
        while (left != null || right != null) {
            int order = compare(left, right);
            if (order < 0) {
                judgeLegacyOnly(result, left);
                left = legacy.next();
            } else if (order > 0) {
                judgeNewOnly(result, right);
                right = current.next();
            } else {
                judgeBoth(result, left, right);
                left = legacy.next();
                right = current.next();
            }
        }
        result.countRows(legacy.rowsRead, current.rowsRead);
        return result;
    }

    private static void judgeLegacyOnly(ParityResult result, Group legacy) {
        Difference difference = new Difference(legacy.key, legacy.values, List.of());
        if (legacy.hasNullKey()) {
            result.record(Kind.NULL_KEY_IN_LEGACY, difference);
        } else if (legacy.rows > 1) {
            result.record(Kind.DUPLICATE_IN_LEGACY, difference);
        } else {
            result.record(Kind.MISSING, difference);
        }
    }

    private static void judgeNewOnly(ParityResult result, Group current) {
        Difference difference = new Difference(current.key, List.of(), current.values);
        result.record(current.hasNullKey() ? Kind.NULL_KEY_IN_NEW : Kind.EXTRA, difference);
    }

    private static void judgeBoth(ParityResult result, Group legacy, Group current) {
        Difference difference = new Difference(legacy.key, legacy.values, current.values);
        if (legacy.rows > 1) {
            result.record(Kind.DUPLICATE_IN_LEGACY, difference);
        } else if (current.rows > 1) {
            result.record(Kind.DUPLICATE_IN_NEW, difference);
        } else if (!legacy.values.equals(current.values)) {
            result.record(Kind.DIFFERENT, difference);
        } else {
            result.countMatch();
        }
    }

    /** Orders groups by key as the statements sort them: byte order per column, NULL after any value. */
    private static int compare(Group left, Group right) {
        if (left == null) {
            return 1;
        }
        if (right == null) {
            return -1;
        }
        return compareKeys(left.key, right.key);
    }

    static int compareKeys(List<String> left, List<String> right) {
        for (int i = 0; i < left.size(); i++) {
            String a = left.get(i);
            String b = right.get(i);
            int order;
            if (a == null || b == null) {
                order = a == b ? 0 : (a == null ? 1 : -1);
            } else {
                order = OrphanScan.compareBytes(a, b);
            }
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** The rows of one key on one side: the key, how many rows, and the first few values. */
    private static final class Group {

        private final List<String> key;
        private final List<String> values = new ArrayList<>();
        private long rows;

        Group(List<String> key) {
            this.key = key;
        }

        boolean hasNullKey() {
            return key.contains(null);
        }
    }

    /** Reads a sorted result set one key at a time, keeping one row of look-ahead. */
    private static final class Groups {

        private final ResultSet rows;
        private final int keyColumns;
        private List<String> pendingKey;
        private String pendingValue;
        private boolean exhausted;
        private long rowsRead;

        Groups(ResultSet rows, int keyColumns) {
            this.rows = rows;
            this.keyColumns = keyColumns;
        }

        Group next() throws SQLException {
            if (pendingKey == null && !advance()) {
                return null;
            }
            Group group = new Group(pendingKey);
            do {
                group.rows++;
                if (group.values.size() < VALUES_KEPT) {
                    group.values.add(pendingValue);
                }
            } while (advance() && sameKey(group.key, pendingKey));
            if (exhausted) {
                pendingKey = null;
            }
            return group;
        }

        private boolean advance() throws SQLException {
            if (exhausted || !rows.next()) {
                exhausted = true;
                return false;
            }
            List<String> key = new ArrayList<>(keyColumns);
            for (int i = 1; i <= keyColumns; i++) {
                key.add(rows.getString(i));
            }
            pendingKey = key;
            pendingValue = rows.getString(keyColumns + 1);
            rowsRead++;
            return true;
        }

        /** Rows with a NULL key column never group together, because NULL equals nothing in SQL. */
        private static boolean sameKey(List<String> a, List<String> b) {
            return !a.contains(null) && compareKeys(a, b) == 0;
        }
    }
}
