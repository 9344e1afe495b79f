package io.nagare.local.stepfunctions.internal.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * Where a state's result goes in its input ({@code ResultPath}): {@code $} replaces the input, {@code null}
 * discards the result, {@code $.a.b} writes it there, creating missing objects. Only the containers on the way are
 * copied; the rest of the input is shared.
 */
final class ResultPath {

    static final ResultPath ROOT = new ResultPath("$", new Object[0]);
    static final ResultPath DISCARD = new ResultPath(null, null);

    private final String text;
    private final Object[] steps;

    private ResultPath(String text, Object[] steps) {
        this.text = text;
        this.steps = steps;
    }

    /** Compiles a reference path; throws {@link IllegalArgumentException} when it is not one. */
    static ResultPath compile(String text) {
        Path path = Path.compile(text);
        if (path.onContext() || path.variable() != null || !path.definite()) {
            throw new IllegalArgumentException("ResultPath must be a reference path on the state's input "
                    + "(names and indexes only, like $.result)");
        }
        return new ResultPath(text, path.steps());
    }

    JsonNode apply(JsonNode input, JsonNode result) {
        if (steps == null) {
            return input;
        }
        if (steps.length == 0) {
            return result;
        }
        JsonNode applied = set(input, 0, result);
        if (applied == null) {
            throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath \"" + text
                    + "\" to input \"" + Json.write(input) + "\"");
        }
        return applied;
    }

    private JsonNode set(JsonNode node, int index, JsonNode value) {
        if (index == steps.length) {
            return value;
        }
        Object step = steps[index];
        if (step instanceof String name) {
            ObjectNode object;
            if (node instanceof ObjectNode existing) {
                object = Json.shallowCopy(existing);
            } else if (node == null || node.isNull()) {
                if (index == 0) {
                    return null;
                }
                object = Json.object();
            } else {
                return null;
            }
            JsonNode child = set(object.get(name), index + 1, value);
            if (child == null) {
                return null;
            }
            object.set(name, child);
            return object;
        }
        int position = (Integer) step;
        if (!(node instanceof ArrayNode array) || position >= array.size()) {
            return null;
        }
        JsonNode child = set(array.get(position), index + 1, value);
        if (child == null) {
            return null;
        }
        ArrayNode copy = Json.shallowCopy(array);
        copy.set(position, child);
        return copy;
    }

    @Override
    public String toString() {
        return text;
    }
}
