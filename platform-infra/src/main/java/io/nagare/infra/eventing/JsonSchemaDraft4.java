package io.nagare.infra.eventing;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts the registry's JSON Schema 2020-12 documents to draft-04, the only JSON Schema dialect the EventBridge
 * schema registry accepts ({@code JSONSchemaDraft4}). The keywords Nagare's schemas use map one to one:
 * {@code $id} → {@code id}, {@code $defs} → {@code definitions} (and the {@code $ref}s into them), {@code const} →
 * a one-value {@code enum}, numeric {@code exclusiveMinimum}/{@code exclusiveMaximum} → {@code minimum}/
 * {@code maximum} with the draft-04 boolean. Keywords draft-04 cannot express fail with "not supported", naming the
 * keyword and where it is, rather than being dropped silently: the registry would then accept events Nagare rejects.
 */
public final class JsonSchemaDraft4 {

    static final String DRAFT_04 = "http://json-schema.org/draft-04/schema#";
    static final Set<String> UNSUPPORTED = Set.of("prefixItems", "unevaluatedProperties", "unevaluatedItems",
            "dependentRequired", "dependentSchemas", "if", "then", "else", "contains", "minContains", "maxContains",
            "propertyNames", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor");

    private JsonSchemaDraft4() {
    }

    /** The draft-04 form of {@code schema}; {@code label} names it in errors ({@code OrderPlaced v2}). */
    public static ObjectNode convert(JsonNode schema, String label) {
        if (!schema.isObject()) {
            throw new IllegalArgumentException(label + ": a schema must be a JSON object");
        }
        return convertObject((ObjectNode) schema, label, "#");
    }

    private static JsonNode convertNode(JsonNode node, String label, String pointer) {
        if (node.isObject()) {
            return convertObject((ObjectNode) node, label, pointer);
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                array.add(convertNode(node.get(i), label, pointer + "/" + i));
            }
            return array;
        }
        return node;
    }

    private static ObjectNode convertObject(ObjectNode schema, String label, String pointer) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            String at = pointer + "/" + keyword;
            if (UNSUPPORTED.contains(keyword)) {
                throw new IllegalArgumentException(label + ": not supported: '" + keyword + "' at " + at
                        + " has no JSON Schema draft-04 equivalent, which the EventBridge schema registry requires");
            }
            switch (keyword) {
                case "$schema" -> out.put("$schema", DRAFT_04);
                case "$id" -> out.set("id", value);
                case "$defs" -> out.set("definitions", convertNode(value, label, at));
                case "$ref" -> out.put("$ref", value.asText().replace("#/$defs/", "#/definitions/"));
                case "const" -> out.set("enum", JsonNodeFactory.instance.arrayNode().add(value));
                case "exclusiveMinimum", "exclusiveMaximum" -> exclusiveBound(out, keyword, value, label, at);
                case "properties", "patternProperties", "definitions" -> out.set(keyword, convertNode(value, label, at));
                case "enum", "required", "examples", "default" -> out.set(keyword, value);
                default -> out.set(keyword, convertNode(value, label, at));
            }
        }
        return out;
    }

    private static void exclusiveBound(ObjectNode out, String keyword, JsonNode value, String label, String at) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException(label + ": '" + keyword + "' at " + at + " must be a number");
        }
        out.set(keyword.equals("exclusiveMinimum") ? "minimum" : "maximum", value);
        out.put(keyword, true);
    }
}
