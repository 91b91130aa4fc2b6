package dev.catalogsmoke.engine;

import java.nio.file.Path;
import java.util.List;

/** Selection and report settings of one run: JUnit tag expressions, the reports folder and fail-fast. */
public record RunOptions(List<String> includeTags, List<String> excludeTags, Path reportsDir, boolean failFast) {

    public RunOptions {
        includeTags = List.copyOf(includeTags);
        excludeTags = List.copyOf(excludeTags);
    }
}
