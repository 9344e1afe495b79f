package io.nagare.local.stepfunctions.internal.asl;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/** A Task's TimeoutSeconds or HeartbeatSeconds: a constant, a {@code *Path}, or a JSONata expression. */
interface TimeLimit {

    long seconds(JsonNode input, StateRun run);

    static TimeLimit constant(long seconds) {
        return (input, run) -> seconds;
    }

    static TimeLimit path(String field, Path path) {
        return (input, run) -> positive(field, path.text(), path.read(input, run));
    }

    static TimeLimit jsonata(String field, JsonataTemplate template) {
        return (input, run) -> positive(field, null, template.evaluate(run));
    }

    private static long positive(String field, String path, JsonNode value) {
        if (value == null) {
            throw StatesError.runtime("Invalid path '" + path + "' : No results for path: $['"
                    + (path.startsWith("$.") ? path.substring(2) : path) + "']");
        }
        Integer seconds = Json.intValue(value);
        if (seconds == null || seconds <= 0) {
            throw StatesError.runtime("The " + field + " field refers to value " + Json.write(value)
                    + " which is not a valid positive integer" + (path == null ? "" : ": " + path));
        }
        return seconds;
    }
}
