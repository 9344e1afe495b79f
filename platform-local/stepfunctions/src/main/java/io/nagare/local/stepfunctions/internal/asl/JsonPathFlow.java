package io.nagare.local.stepfunctions.internal.asl;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/** The JSONPath data flow: InputPath, Parameters, ResultSelector, ResultPath, OutputPath and Assign. */
final class JsonPathFlow implements DataFlow {

    private final Path inputPath;
    private final boolean discardInput;
    private final PayloadTemplate parameters;
    private final PayloadTemplate resultSelector;
    private final ResultPath resultPath;
    private final Path outputPath;
    private final boolean discardOutput;
    private final PayloadTemplate assign;

    JsonPathFlow(Path inputPath, boolean discardInput, PayloadTemplate parameters, PayloadTemplate resultSelector,
                 ResultPath resultPath, Path outputPath, boolean discardOutput, PayloadTemplate assign) {
        this.inputPath = inputPath;
        this.discardInput = discardInput;
        this.parameters = parameters;
        this.resultSelector = resultSelector;
        this.resultPath = resultPath;
        this.outputPath = outputPath;
        this.discardOutput = discardOutput;
        this.assign = assign;
    }

    @Override
    public JsonNode effectiveInput(JsonNode rawInput, StateRun run) {
        JsonNode input = selectInput(rawInput, run);
        return parameters == null ? input : parameters.evaluate(input, run);
    }

    /** InputPath alone (Map states apply ItemsPath and ItemSelector in between). */
    JsonNode selectInput(JsonNode rawInput, StateRun run) {
        if (discardInput) {
            return Json.object();
        }
        return select(inputPath, rawInput, run);
    }

    PayloadTemplate parameters() {
        return parameters;
    }

    @Override
    public JsonNode output(JsonNode rawInput, JsonNode result, StateRun run) {
        JsonNode selected = resultSelector == null ? result : resultSelector.evaluate(result, run);
        JsonNode combined = resultPath.apply(rawInput, selected);
        if (discardOutput) {
            return Json.object();
        }
        return select(outputPath, combined, run);
    }

    /** The output of a state that has no result of its own (Choice, Wait, Succeed): InputPath then OutputPath. */
    JsonNode passThrough(JsonNode rawInput, StateRun run) {
        JsonNode input = selectInput(rawInput, run);
        if (discardOutput) {
            return Json.object();
        }
        return select(outputPath, input, run);
    }

    JsonNode selectedResult(JsonNode result, StateRun run) {
        return resultSelector == null ? result : resultSelector.evaluate(result, run);
    }

    @Override
    public Map<String, JsonNode> assignments(JsonNode rawInput, JsonNode result, StateRun run) {
        if (assign == null) {
            return Map.of();
        }
        return fields(assign.evaluate(result, run));
    }

    static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            values.put(field.getKey(), field.getValue());
        }
        return values;
    }

    private static JsonNode select(Path path, JsonNode document, StateRun run) {
        if (path == null || path.isRoot()) {
            return document;
        }
        JsonNode value = path.read(document, run);
        if (value == null) {
            String text = path.text();
            throw StatesError.runtime("Invalid path '" + text + "' : No results for path: $['"
                    + (text.startsWith("$.") ? text.substring(2) : text) + "']");
        }
        return value;
    }
}
