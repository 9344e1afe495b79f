package io.nagare.local.eventbridge;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.local.runtime.AwsServiceException;
import io.nagare.platform.rules.EventBridgePatterns;
import software.amazon.event.ruler.GenericMachine;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.Patterns;

/**
 * An event pattern EventBridge accepts: event-ruler's grammar plus EventBridge's own limits, with EventBridge's
 * {@code InvalidEventPatternException} messages. {@link #check} returns the reason or null; {@link #compile} throws.
 */
final class EventPattern {

    private static final String INVALID = "Event pattern is not valid. Reason: ";

    private final String json;
    private final List<Map<String, List<Patterns>>> compiled;

    private EventPattern(String json, List<Map<String, List<Patterns>>> compiled) {
        this.json = json;
        this.compiled = compiled;
    }

    /** The pattern, or {@code InvalidEventPatternException} with AWS's message. */
    static EventPattern compile(String json) {
        String reason = check(json);
        if (reason != null) {
            throw new AwsServiceException("InvalidEventPatternException", INVALID + reason);
        }
        try {
            return new EventPattern(json, JsonRuleCompiler.compile(json));
        } catch (IOException e) {
            throw new AwsServiceException("InvalidEventPatternException", INVALID + firstLine(e.getMessage()));
        }
    }

    /** Why EventBridge rejects the pattern (the text after "Reason: "), or null when it is valid. */
    static String check(String json) {
        return EventBridgePatterns.check(json);
    }

    String json() {
        return json;
    }

    /** Whether the event matches, with event-ruler's array-consistent matching (as EventBridge). */
    boolean matches(JsonNode event) {
        Machine machine = Machine.builder().build();
        addTo(machine, "pattern");
        return !machine.rulesForJSONEvent(event).isEmpty();
    }

    /** Adds this pattern to {@code machine} under {@code name} (each {@code $or} branch is one sub-rule). */
    <T> void addTo(GenericMachine<T> machine, T name) {
        for (Map<String, List<Patterns>> branch : compiled) {
            machine.addPatternRule(name, branch);
        }
    }

    /** Removes what {@link #addTo} added under {@code name}. */
    <T> void deleteFrom(GenericMachine<T> machine, T name) {
        for (Map<String, List<Patterns>> branch : compiled) {
            machine.deletePatternRule(name, branch);
        }
    }

    /** Jackson appends the parse location on later lines; AWS's reason is the first line only. */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
