package dev.catalogsmoke.engine;

/**
 * One broken rule found by a reader or a check: the object, what is wrong, the expected and actual values, and what
 * to do next. {@code expected} and {@code actual} are {@code null} when the problem has no single value to compare.
 */
public record Problem(String object, String problem, String expected, String actual, String next) {

    public static Problem of(String object, String problem, Object expected, Object actual, String next) {
        return new Problem(object, problem, String.valueOf(expected), String.valueOf(actual), next);
    }

    public static Problem of(String object, String problem, String next) {
        return new Problem(object, problem, null, null, next);
    }

    /** Renders the problem as one report line. */
    public String line() {
        String comparison = expected == null ? "" : "; expected " + expected + ", actual " + actual;
        return object + ": " + problem + comparison + ". " + next;
    }
}
