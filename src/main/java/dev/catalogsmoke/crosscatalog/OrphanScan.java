package dev.catalogsmoke.crosscatalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds values of one database's column that are missing from another database's column, set-wise.
 *
 * <p>Foreign keys cannot cross databases, so both sides are read as sorted, distinct streams (byte order, {@code
 * COLLATE "C"}) and merged in one pass: two statements whatever the row count, and memory for the sample only.
 */
public final class OrphanScan {

    private static final int FETCH_SIZE = 10_000;

    /** The number of orphans and the first {@code sampleSize} of them in sort order. */
    public record Result(long referencing, long orphans, List<String> sample) {}

    private OrphanScan() {}

    /**
     * Compares {@code referencingSql} (run on {@code referencing}) with {@code referencedSql} (run on {@code
     * referenced}); each must select one text column of distinct values ordered {@code COLLATE "C"}.
     */
    public static Result scan(
            Connection referencing, String referencingSql, Connection referenced, String referencedSql, int sampleSize)
            throws SQLException {
        referencing.setAutoCommit(false);
        referenced.setAutoCommit(false);
        try (Statement left = referencing.createStatement();
                Statement right = referenced.createStatement()) {
            left.setFetchSize(FETCH_SIZE);
            right.setFetchSize(FETCH_SIZE);
            try (ResultSet referencingIds = left.executeQuery(referencingSql);
                    ResultSet existing = right.executeQuery(referencedSql)) {
                return merge(referencingIds, existing, sampleSize);
            }
        } finally {
            referencing.rollback();
            referenced.rollback();
        }
    }

    private static Result merge(ResultSet referencingIds, ResultSet existing, int sampleSize) throws SQLException {
        long total = 0;
        long orphans = 0;
        List<String> sample = new ArrayList<>();
        String current = existing.next() ? existing.getString(1) : null;
        while (referencingIds.next()) {
            String id = referencingIds.getString(1);
            total++;
            while (current != null && compareBytes(current, id) < 0) {
                current = existing.next() ? existing.getString(1) : null;
            }
            if (current == null || compareBytes(current, id) != 0) {
                orphans++;
                if (sample.size() < sampleSize) {
                    sample.add(id);
                }
            }
        }
        return new Result(total, orphans, sample);
    }

    /** Orders strings by Unicode code point, which is the byte order of their UTF-8 form, as {@code COLLATE "C"}. */
    public static int compareBytes(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
