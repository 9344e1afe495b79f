package io.nagare.schemas;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map.Entry;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** What the compatibility check knows about JSON Schema 2020-12 keywords. */
final class SchemaKeywords {

    /** Keywords that do not restrict data, so changing them never breaks a reader. */
    static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$anchor", "$dynamicAnchor", "$comment", "$defs",
            "definitions", "$vocabulary", "title", "description", "default", "examples", "deprecated", "readOnly",
            "writeOnly", "contentEncoding", "contentMediaType");

    /**
     * Keywords the check does not compare. Changing one is reported as a breaking change, because the check cannot
     * show that it is not; leaving it unchanged is fine.
     */
    static final List<String> NOT_COMPARED = List.of("allOf", "anyOf", "oneOf", "not", "if", "then", "else",
            "dependentRequired", "dependentSchemas", "propertyNames", "unevaluatedProperties", "unevaluatedItems",
            "prefixItems", "contains", "minContains", "maxContains", "$dynamicRef", "contentSchema");

    private static final List<String> UNIONS = List.of("anyOf", "oneOf");

    private SchemaKeywords() {
    }

    /** Absent, {@code true}, or an object with annotations only: every value is valid. */
    static boolean acceptsAll(SchemaNode node) {
        if (node.isAbsent()) {
            return true;
        }
        JsonNode json = node.json();
        if (json.isBoolean()) {
            return json.booleanValue();
        }
        if (!json.isObject()) {
            return false;
        }
        for (Entry<String, JsonNode> field : json.properties()) {
            if (!ANNOTATIONS.contains(field.getKey())) {
                return false;
            }
        }
        return true;
    }

    /** The schema {@code false}: no value is valid. */
    static boolean rejectsAll(SchemaNode node) {
        return !node.isAbsent() && node.json().isBoolean() && !node.json().booleanValue();
    }

    /** The allowed JSON types, or null when the schema has no {@code type} (any type). */
    static Set<String> types(SchemaNode node) {
        JsonNode type = node.get("type");
        if (type == null) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        if (type.isArray()) {
            type.forEach(name -> types.add(name.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    /** The values of {@code enum}, or the one value of {@code const}, or null when the schema has neither. */
    static List<JsonNode> allowedValues(SchemaNode node) {
        JsonNode values = node.get("enum");
        if (values != null && values.isArray()) {
            List<JsonNode> list = new ArrayList<>();
            values.forEach(list::add);
            return list;
        }
        JsonNode constant = node.get("const");
        return constant == null ? null : List.of(constant);
    }

    /** {@code anyOf} or {@code oneOf} when it is the node's only assertion (a union, e.g. "string or null"). */
    static String unionKeyword(SchemaNode node) {
        if (node.isAbsent() || !node.json().isObject()) {
            return null;
        }
        String union = null;
        for (Entry<String, JsonNode> field : node.json().properties()) {
            if (UNIONS.contains(field.getKey()) && field.getValue().isArray() && union == null) {
                union = field.getKey();
            } else if (!ANNOTATIONS.contains(field.getKey())) {
                return null;
            }
        }
        return union;
    }

    /** The alternatives of a union, or the node itself when it is not one. */
    static List<SchemaNode> alternatives(SchemaNode node) {
        String union = unionKeyword(node);
        if (union == null) {
            return List.of(node);
        }
        List<SchemaNode> alternatives = new ArrayList<>();
        JsonNode branches = node.get(union);
        for (int i = 0; i < branches.size(); i++) {
            alternatives.add(new SchemaNode(branches.get(i), node.pointer() + "/" + union + "/" + i));
        }
        return alternatives;
    }
}
