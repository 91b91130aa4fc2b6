package dev.catalogsmoke.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A table, column or schema name from configuration, checked to be a plain lower-case PostgreSQL identifier.
 *
 * <p>Only {@link #quoted()} goes into SQL, so no configuration text is ever pasted into a statement unquoted.
 */
public record SqlIdentifier(String name) {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");

    public SqlIdentifier {
        if (name == null || !PLAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid SQL identifier: expected a lower-case"
                    + " letter or '_' followed by up to 62 lower-case letters, digits, '_' or '$'");
        }
    }

    @JsonCreator
    public static SqlIdentifier of(String name) {
        return new SqlIdentifier(name);
    }

    /** Returns the identifier in double quotes, ready for SQL text. */
    public String quoted() {
        return '"' + name + '"';
    }

    @JsonValue
    @Override
    public String toString() {
        return name;
    }
}
