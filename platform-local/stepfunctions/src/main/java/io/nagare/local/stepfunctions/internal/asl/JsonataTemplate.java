package io.nagare.local.stepfunctions.internal.asl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * A JSONata-mode field value ({@code Arguments}, {@code Output}, {@code Assign}, {@code ItemSelector}, ...): any
 * JSON in which strings wrapped in {@code {% %}} are expressions, at any depth.
 */
final class JsonataTemplate {

    private final Node root;

    private JsonataTemplate(Node root) {
        this.root = root;
    }

    /** @param field the field's name for error messages, e.g. {@code Output} */
    static JsonataTemplate compile(JsonNode template, String field, String pointer, Diagnostics errors) {
        return new JsonataTemplate(node(template, field, pointer, errors));
    }

    JsonNode evaluate(EvalContext context) {
        return root.evaluate(context);
    }

    /** Whether the template is a constant (no expression anywhere). */
    boolean constant() {
        return root instanceof Constant;
    }

    private static Node node(JsonNode template, String field, String pointer, Diagnostics errors) {
        if (JsonataExpression.isExpression(template)) {
            try {
                return new Expression(JsonataExpression.compile(template.textValue()), field);
            } catch (IllegalArgumentException e) {
                errors.schema(pointer, e.getMessage());
                return new Constant(template);
            }
        }
        if (template.isObject()) {
            List<String> keys = new ArrayList<>();
            List<Node> values = new ArrayList<>();
            boolean constant = true;
            for (Map.Entry<String, JsonNode> entry : template.properties()) {
                Node value = node(entry.getValue(), field + "/" + entry.getKey(), pointer + "/" + entry.getKey(), errors);
                constant &= value instanceof Constant;
                keys.add(entry.getKey());
                values.add(value);
            }
            return constant ? new Constant(template) : new ObjectTemplate(keys, values);
        }
        if (template.isArray()) {
            List<Node> items = new ArrayList<>();
            boolean constant = true;
            for (int i = 0; i < template.size(); i++) {
                Node item = node(template.get(i), field + "/" + i, pointer + "/" + i, errors);
                constant &= item instanceof Constant;
                items.add(item);
            }
            return constant ? new Constant(template) : new ArrayTemplate(items);
        }
        return new Constant(template);
    }

    private interface Node {
        JsonNode evaluate(EvalContext context);
    }

    private record Constant(JsonNode value) implements Node {
        @Override
        public JsonNode evaluate(EvalContext context) {
            return value;
        }
    }

    private record Expression(JsonataExpression expression, String field) implements Node {
        @Override
        public JsonNode evaluate(EvalContext context) {
            return expression.evaluate(context, field);
        }
    }

    private record ObjectTemplate(List<String> keys, List<Node> values) implements Node {
        @Override
        public JsonNode evaluate(EvalContext context) {
            ObjectNode out = Json.object();
            for (int i = 0; i < keys.size(); i++) {
                out.set(keys.get(i), values.get(i).evaluate(context));
            }
            return out;
        }
    }

    private record ArrayTemplate(List<Node> items) implements Node {
        @Override
        public JsonNode evaluate(EvalContext context) {
            ArrayNode out = Json.array();
            for (Node item : items) {
                out.add(item.evaluate(context));
            }
            return out;
        }
    }
}
