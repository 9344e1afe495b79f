package io.nagare.local.stepfunctions.internal.asl;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What validating a definition found, in the shape of ValidateStateMachineDefinition's diagnostics: severity, code
 * ({@code SCHEMA_VALIDATION_FAILED}, {@code MISSING_TRANSITION_TARGET}, ...), message and JSON-pointer location.
 */
public final class Diagnostics {

    public record Diagnostic(String severity, String code, String message, String location) {
    }

    private final List<Diagnostic> items = new ArrayList<>();

    void schema(String location, String message) {
        error("SCHEMA_VALIDATION_FAILED", location, message);
    }

    void error(String code, String location, String message) {
        items.add(new Diagnostic("ERROR", code, message, location.isEmpty() ? "/" : location));
    }

    void warning(String code, String location, String message) {
        items.add(new Diagnostic("WARNING", code, message, location.isEmpty() ? "/" : location));
    }

    public List<Diagnostic> all() {
        return List.copyOf(items);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(d -> d.severity().equals("ERROR"));
    }

    /** AWS's InvalidDefinition message: {@code Invalid State Machine Definition: 'CODE: message at /path', ...}. */
    public String invalidDefinitionMessage() {
        return "Invalid State Machine Definition: " + items.stream()
                .filter(d -> d.severity().equals("ERROR"))
                .map(d -> "'" + d.code() + ": " + d.message() + " at " + d.location() + "'")
                .collect(Collectors.joining(", "));
    }
}
