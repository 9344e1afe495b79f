package io.nagare.local.stepfunctions.internal.asl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * A JSONPath-mode payload template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector},
 * {@code Assign}): keys ending in {@code .$} take their value from a path or an intrinsic function; other values are
 * literal, nested objects and arrays being templates too. A template without any {@code .$} key is a constant.
 */
final class PayloadTemplate {

    private final Node root;

    private PayloadTemplate(Node root) {
        this.root = root;
    }

    /**
     * Compiles a template; {@code errors} receives each bad field as (JSON pointer below {@code pointer}, message).
     */
    static PayloadTemplate compile(JsonNode template, String pointer, Diagnostics errors) {
        return new PayloadTemplate(node(template, pointer, errors));
    }

    JsonNode evaluate(JsonNode document, EvalContext context) {
        return root.evaluate(document, context);
    }

    private static Node node(JsonNode template, String pointer, Diagnostics errors) {
        if (template.isObject()) {
            List<String> keys = new ArrayList<>();
            List<Node> values = new ArrayList<>();
            boolean constant = true;
            for (Map.Entry<String, JsonNode> field : template.properties()) {
                String key = field.getKey();
                String fieldPointer = pointer + "/" + key;
                Node value;
                if (key.endsWith(".$")) {
                    value = binding(key, field.getValue(), fieldPointer, errors);
                    key = key.substring(0, key.length() - 2);
                } else {
                    value = node(field.getValue(), fieldPointer, errors);
                }
                constant &= value instanceof Constant;
                keys.add(key);
                values.add(value);
            }
            return constant ? new Constant(template) : new ObjectNodeTemplate(keys, values);
        }
        if (template.isArray()) {
            List<Node> items = new ArrayList<>();
            boolean constant = true;
            for (int i = 0; i < template.size(); i++) {
                Node item = node(template.get(i), pointer + "/" + i, errors);
                constant &= item instanceof Constant;
                items.add(item);
            }
            return constant ? new Constant(template) : new ArrayTemplate(items);
        }
        return new Constant(template);
    }

    private static Node binding(String key, JsonNode value, String pointer, Diagnostics errors) {
        if (!value.isTextual()) {
            errors.schema(pointer, "The value for the field '" + key + "' must be a STRING that contains a JSONPath"
                    + " or an intrinsic function, got " + Json.typeName(value));
            return new Constant(value);
        }
        String text = value.textValue();
        try {
            if (IntrinsicFunction.looksLikeCall(text)) {
                return new FunctionBinding(key, IntrinsicFunction.parse(text));
            }
            return new PathBinding(key, Path.compile(text));
        } catch (IllegalArgumentException e) {
            errors.schema(pointer, "The value for the field '" + key + "' must be a valid JSONPath or a valid "
                    + "intrinsic function call: " + e.getMessage());
            return new Constant(value);
        }
    }

    private interface Node {
        JsonNode evaluate(JsonNode document, EvalContext context);
    }

    private record Constant(JsonNode value) implements Node {
        @Override
        public JsonNode evaluate(JsonNode document, EvalContext context) {
            return value;
        }
    }

    private record ObjectNodeTemplate(List<String> keys, List<Node> values) implements Node {
        @Override
        public JsonNode evaluate(JsonNode document, EvalContext context) {
            ObjectNode out = Json.object();
            for (int i = 0; i < keys.size(); i++) {
                out.set(keys.get(i), values.get(i).evaluate(document, context));
            }
            return out;
        }
    }

    private record ArrayTemplate(List<Node> items) implements Node {
        @Override
        public JsonNode evaluate(JsonNode document, EvalContext context) {
            ArrayNode out = Json.array();
            for (Node item : items) {
                out.add(item.evaluate(document, context));
            }
            return out;
        }
    }

    private record PathBinding(String field, Path path) implements Node {
        @Override
        public JsonNode evaluate(JsonNode document, EvalContext context) {
            JsonNode value = path.read(document, context);
            if (value == null) {
                JsonNode root = path.rootValue(document, context);
                throw StatesError.runtime("The JSONPath '" + path.text() + "' specified for the field '" + field
                        + "' could not be found in the input '" + Json.write(root == null ? Json.NODES.nullNode() : root)
                        + "'");
            }
            return value;
        }
    }

    private record FunctionBinding(String field, IntrinsicFunction function) implements Node {
        @Override
        public JsonNode evaluate(JsonNode document, EvalContext context) {
            return function.evaluate(document, context);
        }
    }
}
