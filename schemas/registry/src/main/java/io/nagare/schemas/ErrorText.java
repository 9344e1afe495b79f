package io.nagare.schemas;

import java.util.Locale;

import tools.jackson.databind.JsonNode;

/** Words a validator error as what the schema expected and what the event had. */
final class ErrorText {

    private static final int MAX_SHOWN = 60;

    private ErrorText() {
    }

    static String describe(com.networknt.schema.Error error) {
        JsonNode expected = error.getSchemaNode();
        JsonNode actual = error.getInstanceNode();
        String got = ", got " + shown(actual);
        return switch (error.getKeyword()) {
            case "type" -> "expected " + typeNames(expected) + got;
            case "required" -> "missing required property '" + error.getProperty() + "'";
            case "additionalProperties" -> "unexpected property '" + error.getProperty()
                    + "': the schema declares no such property and allows no others";
            case "enum" -> "expected one of " + expected + got;
            case "const" -> "expected " + expected + got;
            case "minimum" -> "expected a number >= " + expected + got;
            case "maximum" -> "expected a number <= " + expected + got;
            case "exclusiveMinimum" -> "expected a number > " + expected + got;
            case "exclusiveMaximum" -> "expected a number < " + expected + got;
            case "multipleOf" -> "expected a multiple of " + expected + got;
            case "minLength" -> "expected at least " + expected + " characters" + got;
            case "maxLength" -> "expected at most " + expected + " characters" + got;
            case "pattern" -> "expected a string matching " + expected.asString() + got;
            case "format" -> "expected " + formatName(expected.asString()) + got;
            case "minItems" -> "expected at least " + expected + " items, got " + actual.size();
            case "maxItems" -> "expected at most " + expected + " items, got " + actual.size();
            case "uniqueItems" -> "expected unique items" + got;
            case "minProperties" -> "expected at least " + expected + " properties, got " + actual.size();
            case "maxProperties" -> "expected at most " + expected + " properties, got " + actual.size();
            case "false" -> "expected nothing here (schema false)" + got;
            default -> error.getMessage() + got;
        };
    }

    private static String formatName(String format) {
        return switch (format) {
            case "date-time" -> "a date-time (RFC 3339 with offset, e.g. 2026-11-28T09:15:00Z)";
            case Iso4217Format.NAME -> "an ISO 4217 currency code (e.g. JPY, EUR, USD)";
            default -> "format " + format;
        };
    }

    private static String typeNames(JsonNode type) {
        if (!type.isArray()) {
            return type.asString();
        }
        StringBuilder names = new StringBuilder();
        for (JsonNode name : type) {
            names.append(names.length() == 0 ? "" : " or ").append(name.asString());
        }
        return names.toString();
    }

    /** {@code string "ten"}, {@code integer 0}, {@code object {"a":1}}: the JSON type, then the value, shortened. */
    private static String shown(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isNull()) {
            return "null";
        }
        String json = value.toString();
        if (json.length() > MAX_SHOWN) {
            json = json.substring(0, MAX_SHOWN) + "...";
        }
        return typeOf(value) + " " + json;
    }

    private static String typeOf(JsonNode value) {
        if (value.isIntegralNumber()) {
            return "integer";
        }
        return switch (value.getNodeType()) {
            case NUMBER -> "number";
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
