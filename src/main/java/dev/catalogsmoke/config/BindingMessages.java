package dev.catalogsmoke.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Turns Jackson's binding errors into plain sentences about the configuration value and what is expected. */
final class BindingMessages {

    private BindingMessages() {}

    static String describe(JacksonException error) {
        if (error instanceof UnrecognizedPropertyException unknown) {
            return "unknown key '" + unknown.getPropertyName() + "'; known keys here: "
                    + names(unknown.getKnownPropertyIds());
        }
        if (error instanceof ValueInstantiationException instantiation
                && instantiation.getCause() != null
                && instantiation.getCause().getMessage() != null) {
            return instantiation.getCause().getMessage();
        }
        if (error instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return "invalid value '" + invalid.getValue() + "'; expected " + expected(invalid.getTargetType());
        }
        if (error instanceof MismatchedInputException mismatch
                && mismatch.getTargetType() != null
                && mismatch.getTargetType() != Duration.class) {
            return "invalid value; expected " + expected(mismatch.getTargetType());
        }
        String message = error.getOriginalMessage();
        if (message == null) {
            return "unreadable value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .toList() + " (lower case)";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isRecord()) {
            return "a mapping of keys (lists of such mappings are set in the configuration file only)";
        }
        return "a value of type " + type.getSimpleName();
    }

    private static String names(Collection<Object> ids) {
        return ids == null
                ? "(none)"
                : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }
}
