package io.nagare.local.stepfunctions.internal.asl;

import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/** Reads the fields of one JSON object of a definition, reporting wrong types and unknown fields with their location. */
final class Fields {

    private final JsonNode object;
    private final String pointer;
    private final Diagnostics errors;

    Fields(JsonNode object, String pointer, Diagnostics errors) {
        this.object = object;
        this.pointer = pointer;
        this.errors = errors;
    }

    String pointer() {
        return pointer;
    }

    String pointer(String field) {
        return pointer + "/" + field;
    }

    Diagnostics errors() {
        return errors;
    }

    boolean has(String field) {
        return object.has(field);
    }

    /** The field's value (null when absent; JSON null stays a NullNode). */
    JsonNode raw(String field) {
        return object.get(field);
    }

    String string(String field, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.schema(pointer, "The field \"" + field + "\" should be non-null");
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.schema(pointer(field), "The field \"" + field + "\" must be a STRING, got " + Json.typeName(value));
            return null;
        }
        return value.textValue();
    }

    Integer integer(String field, int min, int max) {
        JsonNode value = object.get(field);
        if (value == null) {
            return null;
        }
        Integer number = Json.intValue(value);
        if (number == null || number < min || number > max) {
            errors.schema(pointer(field), "The value of the field \"" + field + "\" must be an INTEGER between "
                    + min + " and " + max + ", got " + Json.write(value));
            return null;
        }
        return number;
    }

    Boolean bool(String field) {
        JsonNode value = object.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.schema(pointer(field), "The field \"" + field + "\" must be a BOOLEAN, got " + Json.typeName(value));
            return null;
        }
        return value.booleanValue();
    }

    /** A name as a JSON-pointer token. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** Reports every field not in {@code allowed}. */
    void rejectUnknown(Set<String> allowed, String what) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                errors.schema(pointer(field), "Field \"" + field + "\" is not supported by " + what);
            }
        }
    }
}
