package io.nagare.schemas.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.schemas.EventSchemaVersion;

/**
 * The fields of one schema version as tables: the payload first, then every object type it uses, each with an
 * anchor that the type column links to. Unlike the code generators it describes any schema, since a reader
 * should see even what no generator supports.
 */
final class FieldTables {

    private static final List<String> CONSTRAINTS = List.of("minimum", "exclusiveMinimum", "maximum",
            "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems");
    private static final Pattern LOCAL_REF = Pattern.compile("#/\\$defs/([^/]+)");

    /** One property: every value but {@code name} is HTML, ready for its cell. */
    record Row(String name, String type, boolean required, String description, String constraints) {
    }

    /** One object type: the payload or a nested object. */
    record Table(String anchor, String title, String description, List<Row> rows, boolean open) {
    }

    private record Pending(String anchor, String title, String pointer, JsonNode schema) {
    }

    private final JsonNode root;
    private final String anchorPrefix;
    private final Map<String, String> anchorsByPointer = new HashMap<>();
    private final Set<String> anchors = new HashSet<>();
    private final Deque<Pending> pending = new ArrayDeque<>();

    private FieldTables(EventSchemaVersion version) {
        this.root = version.schema();
        this.anchorPrefix = "v" + version.version() + "-";
    }

    static List<Table> of(EventSchemaVersion version) {
        return new FieldTables(version).tables(version.detailType());
    }

    private List<Table> tables(String payloadTitle) {
        anchorFor("", payloadTitle, root);
        List<Table> tables = new ArrayList<>();
        while (!pending.isEmpty()) {
            Pending next = pending.removeFirst();
            tables.add(table(next));
        }
        return tables;
    }

    private Table table(Pending object) {
        JsonNode schema = object.schema();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        String pointer = object.pointer();
        List<Row> rows = new ArrayList<>();
        schema.path("properties").properties().forEach(field -> {
            JsonNode property = field.getValue();
            String propertyPointer = pointer + "/properties/" + field.getKey().replace("~", "~0").replace("/", "~1");
            String title = object.title() + "." + field.getKey();
            rows.add(new Row(field.getKey(), typeOf(property, propertyPointer, title), required.contains(field.getKey()),
                    Html.prose(describe(property)), constraints(property)));
        });
        boolean open = !schema.path("additionalProperties").isBoolean() || schema.get("additionalProperties").asBoolean();
        // The payload's description already opens its version's section.
        String description = object.pointer().isEmpty() ? "" : Html.prose(schema.path("description").asText(""));
        return new Table(object.anchor(), object.title(), description, rows, open);
    }

    private String typeOf(JsonNode schema, String pointer, String title) {
        if (schema.has("$ref")) {
            Matcher local = LOCAL_REF.matcher(schema.get("$ref").asText());
            if (local.matches() && root.path("$defs").has(unescape(local.group(1)))) {
                String name = unescape(local.group(1));
                return typeOf(root.path("$defs").get(name), "/$defs/" + local.group(1), name);
            }
            return "reference " + Html.code(schema.get("$ref").asText());
        }
        if (schema.has("enum")) {
            return "one of " + valuesOf(schema.get("enum"));
        }
        if (schema.has("const")) {
            return "always " + Html.code(schema.get("const").toString());
        }
        String type = schema.path("type").isTextual() ? schema.get("type").asText() : "";
        switch (type) {
            case "object":
                return Html.link("#" + anchorFor(pointer, title, schema), title.substring(title.lastIndexOf('.') + 1));
            case "array":
                return schema.has("items") ? "array of " + typeOf(schema.get("items"), pointer + "/items", title) : "array";
            case "":
                return Html.code(schema.toString());
            default:
                return Html.text(type) + (schema.has("format") ? " (" + Html.text(schema.get("format").asText()) + ")" : "");
        }
    }

    private String anchorFor(String pointer, String title, JsonNode schema) {
        String existing = anchorsByPointer.get(pointer);
        if (existing != null) {
            return existing;
        }
        String base = anchorPrefix + Html.id(title);
        String anchor = base;
        for (int n = 2; !anchors.add(anchor); n++) {
            anchor = base + "-" + n;
        }
        anchorsByPointer.put(pointer, anchor);
        pending.addLast(new Pending(anchor, title, pointer, schema));
        return anchor;
    }

    private String describe(JsonNode property) {
        if (property.has("description") || !property.has("$ref")) {
            return property.path("description").asText("");
        }
        return referenced(property).path("description").asText("");
    }

    private String constraints(JsonNode property) {
        List<String> constraints = new ArrayList<>(constraintsOf(property, ""));
        if (property.has("$ref")) {
            constraints.addAll(constraintsOf(referenced(property), ""));
        }
        if (property.path("items").isObject()) {
            constraints.addAll(constraintsOf(property.get("items"), "items "));
        }
        return constraints.stream().map(Html::code).collect(Collectors.joining("<br>"));
    }

    private static List<String> constraintsOf(JsonNode schema, String prefix) {
        List<String> constraints = new ArrayList<>();
        for (String keyword : CONSTRAINTS) {
            if (schema.has(keyword)) {
                JsonNode value = schema.get(keyword);
                constraints.add(prefix + keyword + " " + (value.isTextual() ? value.asText() : value.toString()));
            }
        }
        return constraints;
    }

    private JsonNode referenced(JsonNode property) {
        Matcher local = LOCAL_REF.matcher(property.get("$ref").asText());
        return local.matches() ? root.path("$defs").path(unescape(local.group(1))) : property;
    }

    private static String valuesOf(JsonNode values) {
        List<String> codes = new ArrayList<>();
        values.forEach(value -> codes.add(Html.code(value.isTextual() ? value.asText() : value.toString())));
        return String.join(", ", codes);
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
