package io.nagare.local.stepfunctions.internal.asl;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSONata data flow: Arguments, Output and Assign, reading {@code $states}. */
final class JsonataFlow implements DataFlow {

    private final JsonataTemplate arguments;
    private final JsonataTemplate output;
    private final Map<String, JsonataTemplate> assign;

    JsonataFlow(JsonataTemplate arguments, JsonataTemplate output, Map<String, JsonataTemplate> assign) {
        this.arguments = arguments;
        this.output = output;
        this.assign = assign;
    }

    @Override
    public JsonNode effectiveInput(JsonNode rawInput, StateRun run) {
        return arguments == null ? rawInput : arguments.evaluate(run);
    }

    @Override
    public JsonNode output(JsonNode rawInput, JsonNode result, StateRun run) {
        run.result(result);
        return output == null ? result : output.evaluate(run);
    }

    @Override
    public Map<String, JsonNode> assignments(JsonNode rawInput, JsonNode result, StateRun run) {
        if (assign.isEmpty()) {
            return Map.of();
        }
        run.result(result);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonataTemplate> entry : assign.entrySet()) {
            values.put(entry.getKey(), entry.getValue().evaluate(run));
        }
        return values;
    }
}
