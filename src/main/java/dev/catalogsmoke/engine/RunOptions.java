package dev.catalogsmoke.engine;

import java.nio.file.Path;
import java.util.List;

/** What to run and where to write reports: JUnit tag expressions, the reports folder and fail-fast. */
public record RunOptions(List<String> includeTags, List<String> excludeTags, Path reportsDir, boolean failFast) {

    public RunOptions {
        includeTags = List.copyOf(includeTags);
        excludeTags = List.copyOf(excludeTags);
    }
}
