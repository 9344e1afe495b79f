package io.nagare.local.stepfunctions.internal.asl;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** One Catch rule: which errors, where to go, and how the error output joins the state's input. */
public final class Catcher {

    private final ErrorEquals errorEquals;
    private final String next;
    private final ResultPath resultPath;
    private final PayloadTemplate jsonPathAssign;
    private final JsonataTemplate output;
    private final Map<String, JsonataTemplate> jsonataAssign;

    Catcher(ErrorEquals errorEquals, String next, ResultPath resultPath, PayloadTemplate jsonPathAssign,
            JsonataTemplate output, Map<String, JsonataTemplate> jsonataAssign) {
        this.errorEquals = errorEquals;
        this.next = next;
        this.resultPath = resultPath;
        this.jsonPathAssign = jsonPathAssign;
        this.output = output;
        this.jsonataAssign = jsonataAssign;
    }

    boolean matches(String error) {
        return errorEquals.matches(error);
    }

    public String next() {
        return next;
    }

    /** The state's output when this catcher handles {@code errorOutput} ({@code {"Error", "Cause"}}). */
    public JsonNode output(JsonNode rawInput, JsonNode errorOutput, StateRun run) {
        run.errorOutput(errorOutput);
        if (resultPath != null) {
            return resultPath.apply(rawInput, errorOutput);
        }
        return output == null ? errorOutput : output.evaluate(run);
    }

    public Map<String, JsonNode> assignments(JsonNode errorOutput, StateRun run) {
        run.errorOutput(errorOutput);
        if (jsonPathAssign != null) {
            return JsonPathFlow.fields(jsonPathAssign.evaluate(errorOutput, run));
        }
        if (jsonataAssign == null || jsonataAssign.isEmpty()) {
            return Map.of();
        }
        Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonataTemplate> entry : jsonataAssign.entrySet()) {
            values.put(entry.getKey(), entry.getValue().evaluate(run));
        }
        return values;
    }
}
