package io.nagare.schemas.codegen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.schemas.EventSchemaVersion;
import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistryException;
import io.nagare.schemas.codegen.TypeModel.ArrayType;
import io.nagare.schemas.codegen.TypeModel.EnumType;
import io.nagare.schemas.codegen.TypeModel.ObjectType;
import io.nagare.schemas.codegen.TypeModel.Property;
import io.nagare.schemas.codegen.TypeModel.Scalar;
import io.nagare.schemas.codegen.TypeModel.ScalarType;

/**
 * Reads one schema version into an {@link EventModel}. It accepts the registry's conventions (schemas/events
 * README) and rejects anything a generated type could not represent faithfully, naming the keyword and where it is.
 */
final class SchemaReader {

    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties",
            "items", "minItems", "maxItems", "uniqueItems", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "minLength", "maxLength", "pattern", "format", "enum", "const", "$ref",
            "description", "title", "$comment", "examples");
    private static final Set<String> ROOT_KEYWORDS = Set.of("$schema", "$id", "$defs");
    /** Keywords that define a type, so they cannot sit next to a {@code $ref} that defines it already. */
    private static final List<String> SHAPE_KEYWORDS = List.of("type", "properties", "required",
            "additionalProperties", "items", "enum", "const");
    private static final List<String> CONSTRAINTS = List.of("minimum", "exclusiveMinimum", "maximum",
            "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems");
    private static final Pattern LOCAL_REF = Pattern.compile("#/\\$defs/([^/]+)");
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private final EventType type;
    private final EventSchemaVersion version;
    private final JsonNode root;
    /** Object and enum types by name, in the order they are first met; a null model is still being read. */
    private final Map<String, Named> named = new LinkedHashMap<>();
    private final Map<String, TypeModel> resolvedDefs = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();

    private record Named(String pointer, JsonNode schema, TypeModel model) {
    }

    private SchemaReader(EventType type, EventSchemaVersion version) {
        this.type = type;
        this.version = version;
        this.root = version.schema();
    }

    static EventModel read(EventType type, EventSchemaVersion version) {
        return new SchemaReader(type, version).read();
    }

    private EventModel read() {
        if (!root.isObject() || !"object".equals(root.path("type").asText())) {
            throw unsupported("type", "/type", "the payload must be {\"type\": \"object\"}");
        }
        checkKeywords(root, "", true);
        ObjectType payload = readObject(type.detailType(), root, "");
        List<TypeModel> types = named.values().stream().map(Named::model).toList();
        return new EventModel(type, version, payload, types);
    }

    private TypeModel readType(JsonNode node, String pointer, String suggestedName) {
        if (!node.isObject()) {
            throw unsupported(node.toString(), pointer, "boolean schemas");
        }
        checkKeywords(node, pointer, false);
        if (node.has("$ref")) {
            return resolveRef(node, pointer);
        }
        if (node.has("enum")) {
            return readEnum(node, pointer, suggestedName);
        }
        JsonNode typeNode = node.get("type");
        if (node.has("const")) {
            Scalar scalar = typeNode == null ? scalarOf(node.get("const"), pointer) : scalar(node, pointer);
            return new ScalarType(scalar, node.get("const"));
        }
        if (typeNode == null) {
            throw unsupported("a schema without type, $ref, enum or const", pointer, null);
        }
        if (!typeNode.isTextual()) {
            throw unsupported("type", pointer + "/type", "one type name per schema, not " + typeNode);
        }
        switch (typeNode.asText()) {
            case "object":
                return register(suggestedName, node, pointer, () -> readObject(suggestedName, node, pointer));
            case "array":
                JsonNode items = node.get("items");
                if (items == null) {
                    throw unsupported("type", pointer + "/type", "an array needs items");
                }
                return new ArrayType(readType(items, pointer + "/items", TypeNames.singular(suggestedName)));
            default:
                return new ScalarType(scalar(node, pointer), null);
        }
    }

    private Scalar scalar(JsonNode node, String pointer) {
        String typeName = node.path("type").asText();
        switch (typeName) {
            case "string":
                switch (node.path("format").asText("")) {
                    case "date-time":
                        return Scalar.DATE_TIME;
                    case "date":
                        return Scalar.DATE;
                    case "iso-4217":
                        return Scalar.CURRENCY;
                    default:
                        return Scalar.STRING;
                }
            case "number":
                return Scalar.DECIMAL;
            case "integer":
                return fitsInt(node) ? Scalar.INT32 : Scalar.INT64;
            case "boolean":
                return Scalar.BOOLEAN;
            default:
                throw unsupported("type", pointer + "/type", "'" + typeName + "'");
        }
    }

    private Scalar scalarOf(JsonNode constant, String pointer) {
        if (constant.isTextual()) {
            return Scalar.STRING;
        }
        if (constant.isBoolean()) {
            return Scalar.BOOLEAN;
        }
        if (constant.isIntegralNumber()) {
            return Scalar.INT64;
        }
        if (constant.isNumber()) {
            return Scalar.DECIMAL;
        }
        throw unsupported("const", pointer + "/const", "only string, number or boolean values");
    }

    /** Whether both bounds are given and within 32 bits; JSON Schema integers are otherwise unbounded. */
    private static boolean fitsInt(JsonNode node) {
        BigDecimal lower = bound(node, "minimum", "exclusiveMinimum");
        BigDecimal upper = bound(node, "maximum", "exclusiveMaximum");
        return lower != null && upper != null && lower.compareTo(INT_MIN) >= 0 && upper.compareTo(INT_MAX) <= 0;
    }

    private static BigDecimal bound(JsonNode node, String inclusive, String exclusive) {
        if (node.path(inclusive).isNumber()) {
            return node.get(inclusive).decimalValue();
        }
        return node.path(exclusive).isNumber() ? node.get(exclusive).decimalValue() : null;
    }

    private TypeModel readEnum(JsonNode node, String pointer, String name) {
        JsonNode values = node.get("enum");
        if (node.has("type") && !"string".equals(node.get("type").asText())) {
            throw unsupported("enum", pointer + "/enum", "only string enums");
        }
        if (!values.isArray() || values.isEmpty()) {
            throw unsupported("enum", pointer + "/enum", "an enum needs a non-empty list of strings");
        }
        List<String> constants = new ArrayList<>();
        for (JsonNode value : values) {
            if (!value.isTextual()) {
                throw unsupported("enum", pointer + "/enum", "only string values, not " + value);
            }
            constants.add(value.asText());
        }
        return register(name, node, pointer, () -> new EnumType(name, description(node), constants));
    }

    private ObjectType readObject(String name, JsonNode node, String pointer) {
        JsonNode additional = node.get("additionalProperties");
        if (additional != null && !additional.isBoolean()) {
            throw unsupported("additionalProperties", pointer + "/additionalProperties", "only true or false");
        }
        Set<String> required = new HashSet<>();
        for (JsonNode entry : node.path("required")) {
            String property = entry.asText();
            if (!node.path("properties").has(property)) {
                throw new SchemaRegistryException(location(pointer + "/required") + " requires '" + property
                        + "', which is not one of its properties");
            }
            required.add(property);
        }
        List<Property> properties = new ArrayList<>();
        node.path("properties").properties().forEach(field -> {
            String propertyPointer = pointer + "/properties/" + escape(field.getKey());
            JsonNode schema = field.getValue();
            TypeModel propertyType = readType(schema, propertyPointer, TypeNames.pascalCase(field.getKey()));
            properties.add(new Property(field.getKey(), propertyType, required.contains(field.getKey()),
                    propertyDescription(schema), constraints(schema)));
        });
        boolean closed = additional != null && !additional.asBoolean();
        return new ObjectType(name, description(node), properties, closed);
    }

    private TypeModel resolveRef(JsonNode node, String pointer) {
        for (String keyword : SHAPE_KEYWORDS) {
            if (node.has(keyword)) {
                throw unsupported(keyword, pointer + "/" + keyword, "next to $ref");
            }
        }
        String ref = node.get("$ref").asText();
        Matcher local = LOCAL_REF.matcher(ref);
        if (!local.matches()) {
            throw unsupported("$ref", pointer + "/$ref", "only local references #/$defs/<Name>, not '" + ref + "'");
        }
        String key = unescape(local.group(1));
        JsonNode definition = root.path("$defs").get(key);
        if (definition == null) {
            throw new SchemaRegistryException(location(pointer + "/$ref") + ": '" + ref + "' names no entry of $defs");
        }
        TypeModel resolved = resolvedDefs.get(key);
        if (resolved == null) {
            if (!resolving.add(key)) {
                throw unsupported("$ref", pointer + "/$ref", "recursive types");
            }
            resolved = readType(definition, "/$defs/" + escape(key), TypeNames.pascalCase(key));
            resolving.remove(key);
            resolvedDefs.put(key, resolved);
        }
        return resolved;
    }

    /**
     * Gives an object or enum schema its type name. The same schema met twice under one name (an enum repeated in
     * two objects) is one type; two different schemas cannot share a name, since they become nested types of one
     * class.
     */
    private TypeModel register(String name, JsonNode schema, String pointer, Supplier<TypeModel> reader) {
        if (name.equals(type.detailType())) {
            throw unsupported("type name " + name, pointer, "it is the event's own name; move it to $defs under another name");
        }
        Named existing = named.get(name);
        if (existing != null) {
            if (!existing.schema().equals(schema)) {
                throw unsupported("two types named " + name, pointer, "the other is at " + existing.pointer()
                        + "; move one to $defs under another name");
            }
            if (existing.model() == null) {
                throw unsupported("$ref", pointer, "recursive types");
            }
            return existing.model();
        }
        named.put(name, new Named(pointer, schema, null));
        TypeModel model = reader.get();
        named.put(name, new Named(pointer, schema, model));
        return model;
    }

    private void checkKeywords(JsonNode node, String pointer, boolean isRoot) {
        node.fieldNames().forEachRemaining(keyword -> {
            if (!KEYWORDS.contains(keyword) && !(isRoot && ROOT_KEYWORDS.contains(keyword))) {
                throw unsupported(keyword, pointer + "/" + escape(keyword), null);
            }
        });
    }

    /** A property's own description, else that of the definition it references. */
    private String propertyDescription(JsonNode schema) {
        if (schema.has("description") || !schema.has("$ref")) {
            return description(schema);
        }
        return description(referenced(schema));
    }

    private List<String> constraints(JsonNode schema) {
        List<String> constraints = new ArrayList<>();
        addConstraints(schema, "", constraints);
        if (schema.has("$ref")) {
            addConstraints(referenced(schema), "", constraints);
        }
        if (schema.path("items").isObject()) {
            addConstraints(schema.get("items"), "items ", constraints);
        }
        return constraints;
    }

    private static void addConstraints(JsonNode schema, String prefix, List<String> into) {
        for (String keyword : CONSTRAINTS) {
            if (schema.has(keyword)) {
                JsonNode value = schema.get(keyword);
                into.add(prefix + keyword + " " + (value.isTextual() ? value.asText() : value.toString()));
            }
        }
        String format = schema.path("format").asText("");
        if (!format.isEmpty() && !List.of("date-time", "date", "iso-4217").contains(format)) {
            into.add(prefix + "format " + format);
        }
    }

    private JsonNode referenced(JsonNode schema) {
        Matcher local = LOCAL_REF.matcher(schema.get("$ref").asText());
        return local.matches() ? root.path("$defs").path(unescape(local.group(1))) : schema;
    }

    private static String description(JsonNode schema) {
        return schema.path("description").asText("");
    }

    private SchemaRegistryException unsupported(String what, String pointer, String reason) {
        return new SchemaRegistryException("not supported: " + what + " at " + pointer + " in " + version.label()
                + (reason == null ? "" : " (" + reason + ")"));
    }

    private String location(String pointer) {
        return version.label() + " " + pointer;
    }

    /** RFC 6901 escaping of one pointer token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
