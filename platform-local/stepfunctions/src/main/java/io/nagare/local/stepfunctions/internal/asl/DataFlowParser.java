package io.nagare.local.stepfunctions.internal.asl;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the data-flow fields of a state: JSONPath's paths and templates, JSONata's Arguments, Output and Assign. */
final class DataFlowParser {

    private final Diagnostics errors;

    DataFlowParser(Diagnostics errors) {
        this.errors = errors;
    }

    JsonPathFlow jsonPathFlow(Fields f, boolean hasParameters, boolean hasResultSelector, boolean hasResultPath) {
        boolean discardInput = f.has("InputPath") && f.raw("InputPath").isNull();
        Path inputPath = f.has("InputPath") && !discardInput ? path(f, "InputPath", false) : null;
        boolean discardOutput = f.has("OutputPath") && f.raw("OutputPath").isNull();
        Path outputPath = f.has("OutputPath") && !discardOutput ? path(f, "OutputPath", false) : null;
        PayloadTemplate parameters = hasParameters && f.has("Parameters")
                ? template(f, "Parameters") : null;
        PayloadTemplate resultSelector = hasResultSelector && f.has("ResultSelector")
                ? template(f, "ResultSelector") : null;
        ResultPath resultPath = ResultPath.ROOT;
        if (hasResultPath && f.has("ResultPath")) {
            JsonNode value = f.raw("ResultPath");
            if (value.isNull()) {
                resultPath = ResultPath.DISCARD;
            } else if (!value.isTextual()) {
                errors.schema(f.pointer("ResultPath"), "The field \"ResultPath\" must be a STRING or null");
            } else {
                try {
                    resultPath = ResultPath.compile(value.textValue());
                } catch (IllegalArgumentException e) {
                    errors.schema(f.pointer("ResultPath"), "The value for the field \"ResultPath\" must be a valid "
                            + "reference path: " + e.getMessage());
                }
            }
        }
        PayloadTemplate assign = f.has("Assign") ? assignTemplate(f) : null;
        return new JsonPathFlow(inputPath, discardInput, parameters, resultSelector, resultPath, outputPath,
                discardOutput, assign);
    }

    JsonPathFlow jsonPathAssignOnly(Fields rule) {
        PayloadTemplate assign = rule.has("Assign") ? assignTemplate(rule) : null;
        return new JsonPathFlow(null, false, null, null, ResultPath.ROOT, null, false, assign);
    }

    PayloadTemplate assignTemplate(Fields f) {
        JsonNode value = f.raw("Assign");
        if (!value.isObject()) {
            errors.schema(f.pointer("Assign"), "The field \"Assign\" must be an OBJECT");
            return null;
        }
        checkVariableNames(value, f.pointer("Assign"), true);
        return PayloadTemplate.compile(value, f.pointer("Assign"), errors);
    }

    private void checkVariableNames(JsonNode assign, String pointer, boolean jsonPath) {
        for (Iterator<String> it = assign.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String name = jsonPath && key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || name.length() > 80) {
                errors.schema(pointer + "/" + Fields.escape(key), "The variable name \"" + name + "\" is invalid: it must "
                        + "start with a letter or underscore and contain only letters, digits and underscores");
            }
            if (name.equals("states")) {
                errors.schema(pointer + "/" + Fields.escape(key), "The variable name \"states\" is reserved");
            }
        }
    }

    private PayloadTemplate template(Fields f, String field) {
        JsonNode value = f.raw(field);
        if (!value.isObject()) {
            errors.schema(f.pointer(field), "The field \"" + field + "\" must be an OBJECT");
            return null;
        }
        return PayloadTemplate.compile(value, f.pointer(field), errors);
    }

    JsonataFlow jsonataFlow(Fields f, String argumentsField) {
        JsonataTemplate arguments = argumentsField != null && f.has(argumentsField)
                ? JsonataTemplate.compile(f.raw(argumentsField), argumentsField, f.pointer(argumentsField), errors) : null;
        JsonataTemplate output = f.has("Output")
                ? JsonataTemplate.compile(f.raw("Output"), "Output", f.pointer("Output"), errors) : null;
        return new JsonataFlow(arguments, output, jsonataAssign(f));
    }

    Map<String, JsonataTemplate> jsonataAssign(Fields f) {
        Map<String, JsonataTemplate> assign = new LinkedHashMap<>();
        JsonNode value = f.raw("Assign");
        if (value == null) {
            return assign;
        }
        if (!value.isObject()) {
            errors.schema(f.pointer("Assign"), "The field \"Assign\" must be an OBJECT");
            return assign;
        }
        checkVariableNames(value, f.pointer("Assign"), false);
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            assign.put(entry.getKey(), JsonataTemplate.compile(entry.getValue(), "Assign/" + entry.getKey(),
                    f.pointer("Assign") + "/" + Fields.escape(entry.getKey()), errors));
        }
        return assign;
    }

    Path path(Fields f, String field, boolean reference) {
        String text = f.string(field, true);
        return text == null ? null : pathValue(f.pointer(field), field, text, reference);
    }

    Path pathValue(String pointer, String field, String text) {
        return pathValue(pointer, field, text, false);
    }

    Path pathValue(String pointer, String field, String text, boolean reference) {
        try {
            Path path = Path.compile(text);
            if (reference && !path.definite()) {
                errors.schema(pointer, "The value for the field \"" + field + "\" must be a valid reference path "
                        + "(names and indexes only): " + text);
                return null;
            }
            return path;
        } catch (IllegalArgumentException e) {
            errors.schema(pointer, "The value for the field \"" + field + "\" must be a valid JSONPath: " + text
                    + " (" + e.getMessage() + ")");
            return null;
        }
    }
}
