package io.nagare.local.stepfunctions.internal.asl;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/** {@code Fail}: ends its branch (and, uncaught, the execution) with an error and a cause. */
final class FailState extends State {

    /** A source of the error or cause text: a constant, a path or intrinsic function, or a JSONata template. */
    interface Text {
        String evaluate(JsonNode input, StateRun run);
    }

    private final Text error;
    private final Text cause;

    FailState(String name, Text error, Text cause) {
        super(name, null);
        this.error = error;
        this.cause = cause;
    }

    @Override
    public String eventPrefix() {
        return "Fail";
    }

    @Override
    public boolean recordsExit() {
        return false;
    }

    @Override
    public Outcome run(StateRun run) {
        JsonNode input = run.rawInput();
        String errorText = error == null ? null : error.evaluate(input, run);
        String causeText = cause == null ? null : cause.evaluate(input, run);
        throw new StatesError(errorText, causeText);
    }

    static Text constant(String value) {
        return (input, run) -> value;
    }

    static Text path(String field, Path path) {
        return (input, run) -> {
            JsonNode value = path.read(input, run);
            if (value == null) {
                JsonNode root = path.rootValue(input, run);
                throw StatesError.runtime("The JSONPath '" + path.text() + "' specified for the field '" + field
                        + "' could not be found in the input '" + Json.write(root == null ? Json.NODES.nullNode() : root) + "'");
            }
            return text(field, value);
        };
    }

    static Text function(String field, IntrinsicFunction function) {
        return (input, run) -> text(field, function.evaluate(input, run));
    }

    static Text jsonata(String field, JsonataTemplate template) {
        return (input, run) -> text(field, template.evaluate(run));
    }

    private static String text(String field, JsonNode value) {
        if (!value.isTextual()) {
            throw StatesError.runtime("The value of the field '" + field + "' must be a string, got "
                    + Json.typeName(value) + ": " + Json.write(value));
        }
        return value.textValue();
    }
}
