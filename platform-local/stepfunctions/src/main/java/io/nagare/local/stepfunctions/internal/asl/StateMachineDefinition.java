package io.nagare.local.stepfunctions.internal.asl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * A compiled state machine: its root branch and execution-wide settings. Compiled once per definition and shared by
 * every execution, so running a state never re-reads the definition's JSON.
 */
public final class StateMachineDefinition {

    /** Definitions reject duplicate keys, as AWS does (a repeated state name must not silently win). */
    private static final ObjectMapper STRICT = Json.MAPPER.copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Branch root;
    private final Integer timeoutSeconds;
    private final JsonNode source;

    StateMachineDefinition(Branch root, Integer timeoutSeconds, JsonNode source) {
        this.root = root;
        this.timeoutSeconds = timeoutSeconds;
        this.source = source;
    }

    /** Validates and compiles; diagnostics go to {@code diagnostics}, and the result is null when there are errors. */
    public static StateMachineDefinition compile(String definition, Diagnostics diagnostics) {
        if (definition == null || definition.isBlank()) {
            diagnostics.error("MISSING_DESCRIPTION", "", "The definition is empty");
            return null;
        }
        JsonNode json;
        try {
            json = STRICT.readTree(definition);
        } catch (JsonProcessingException e) {
            diagnostics.error("INVALID_JSON_DESCRIPTION", "", e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
            return null;
        }
        StateMachineDefinition compiled = new DefinitionParser(diagnostics).parse(json);
        return diagnostics.hasErrors() ? null : compiled;
    }

    public Branch root() {
        return root;
    }

    /** The execution's TimeoutSeconds, or null for none. */
    public Integer timeoutSeconds() {
        return timeoutSeconds;
    }

    public JsonNode source() {
        return source;
    }
}
