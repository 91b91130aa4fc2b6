package dev.catalogsmoke.checks;

import dev.catalogsmoke.engine.Problem;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Collects every problem a check finds, so one run reports all of them, each on its own line.
 *
 * <p>Each finding names the object, what was expected, what was found and what to do next. Callers never pass a
 * secret value into a finding.
 */
final class Findings {

    /** Findings listed in a failure message; the rest are counted, so a message stays readable. */
    static final int MAX_LISTED = 25;

    private final List<String> lines = new ArrayList<>();
    private int count;
    private String firstExpected;
    private String firstActual;

    /** Records one problem with the expected and actual values. */
    void add(String object, String problem, Object expected, Object actual, String next) {
        add(Problem.of(object, problem, expected, actual, next));
    }

    /** Records one problem that has no single expected and actual value. */
    void add(String object, String problem, String next) {
        add(Problem.of(object, problem, next));
    }

    void add(Problem problem) {
        if (count == 0 && problem.expected() != null) {
            firstExpected = problem.expected();
            firstActual = problem.actual();
        }
        count++;
        if (lines.size() < MAX_LISTED) {
            lines.add(problem.line());
        }
    }

    void addAll(java.util.Collection<Problem> problems) {
        problems.forEach(this::add);
    }

    boolean isEmpty() {
        return count == 0;
    }

    int size() {
        return count;
    }

    /** Throws one assertion error listing every finding; does nothing when there is none. */
    void assertNone(String subject) {
        if (count == 0) {
            return;
        }
        String more = count > lines.size() ? "\n... and " + (count - lines.size()) + " more problems" : "";
        String message =
                count == 1 ? lines.get(0) : subject + ": " + count + " problems\n" + String.join("\n", lines) + more;
        if (count == 1 && firstExpected != null) {
            throw new AssertionFailedError(message, firstExpected, firstActual);
        }
        throw new AssertionFailedError(message);
    }
}
