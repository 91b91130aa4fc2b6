package dev.catalogsmoke.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/** Reads durations written as {@code 500ms}, {@code 90s}, {@code 2m} or {@code 1h}. */
public final class DurationDeserializer extends ValueDeserializer<Duration> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) {
        String text = parser.getValueAsString();
        if (text == null) {
            return context.reportInputMismatch(Duration.class, "expected a duration such as 500ms, 90s or 2m");
        }
        return parse(text.trim(), context);
    }

    private static Duration parse(String text, DeserializationContext context) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return context.reportInputMismatch(
                    Duration.class,
                    "value '%s' is not a duration; expected a number and a unit such as 500ms," + " 90s, 2m or 1h",
                    text);
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration =
                switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
        if (duration.compareTo(MAX) > 0) {
            return context.reportInputMismatch(
                    Duration.class, "value '%s' is longer than the maximum of 24h for any budget or timeout", text);
        }
        return duration;
    }

    /** Maximum duration of any budget or timeout, because longer values are typos and overflow later. */
    static final Duration MAX = Duration.ofHours(24);

    /** Formats a duration in the same notation, choosing the largest exact unit. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
