package io.nagare.schemas.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.nagare.schemas.codegen.TypeModel.ArrayType;
import io.nagare.schemas.codegen.TypeModel.EnumType;
import io.nagare.schemas.codegen.TypeModel.ObjectType;
import io.nagare.schemas.codegen.TypeModel.Property;
import io.nagare.schemas.codegen.TypeModel.ScalarType;

/**
 * Writes one event version as a TypeScript declaration module: an interface per object, a string-literal union
 * per enum. Values that JSON carries as text or as numbers with a meaning TypeScript has no type for (timestamps,
 * currency codes, decimal amounts) say so in their doc comment.
 */
final class TypeScriptModuleWriter {

    private static final int LINE_WIDTH = 110;

    private final EventModel model;
    private final StringBuilder out = new StringBuilder();

    private TypeScriptModuleWriter(EventModel model) {
        this.model = model;
    }

    static String write(EventModel model) {
        TypeScriptModuleWriter writer = new TypeScriptModuleWriter(model);
        writer.out.append("// Generated from ").append(model.version().id())
                .append(" (nagare schemas generate --lang typescript). Do not edit.\n");
        writer.writeInterface(model.payload(), true);
        for (TypeModel type : model.namedTypes()) {
            if (type instanceof ObjectType object) {
                writer.writeInterface(object, false);
            } else {
                writer.writeEnum((EnumType) type);
            }
        }
        return writer.out.toString();
    }

    private void writeInterface(ObjectType type, boolean payload) {
        out.append('\n');
        String doc = type.description();
        if (payload) {
            doc += "\n\nEvent `" + model.type().detailType() + "` version " + model.version().version() + ", source `"
                    + model.type().source() + "`, owner `" + model.type().owner() + "`. Schema: " + model.version().id();
        }
        writeDoc(doc, "");
        out.append("export interface ").append(type.name()).append(" {\n");
        for (Property property : type.properties()) {
            writeDoc(propertyDoc(property), "  ");
            out.append("  ").append(propertyName(property.jsonName())).append(property.required() ? ": " : "?: ")
                    .append(typeScriptType(property.type())).append(";\n");
        }
        if (!type.closed()) {
            out.append("  /** The schema leaves this object open: other properties may appear. */\n");
            out.append("  [property: string]: unknown;\n");
        }
        out.append("}\n");
    }

    private void writeEnum(EnumType type) {
        out.append('\n');
        writeDoc(type.description(), "");
        out.append("export type ").append(type.name()).append(" =\n");
        List<String> values = type.values();
        for (int i = 0; i < values.size(); i++) {
            out.append("  | ").append(stringLiteral(values.get(i))).append(i == values.size() - 1 ? ";\n" : "\n");
        }
    }

    private static String typeScriptType(TypeModel type) {
        if (type instanceof ObjectType object) {
            return object.name();
        }
        if (type instanceof EnumType enumType) {
            return enumType.name();
        }
        if (type instanceof ArrayType array) {
            return typeScriptType(array.items()) + "[]";
        }
        ScalarType scalar = (ScalarType) type;
        if (scalar.constant() != null) {
            return scalar.constant().isTextual() ? stringLiteral(scalar.constant().asText()) : scalar.constant().toString();
        }
        return switch (scalar.scalar()) {
            case STRING, DATE_TIME, DATE, CURRENCY -> "string";
            case DECIMAL, INT32, INT64 -> "number";
            case BOOLEAN -> "boolean";
        };
    }

    /** The description, what the JSON value means where its TypeScript type cannot say, and the constraints. */
    private static String propertyDoc(Property property) {
        List<String> parts = new ArrayList<>();
        if (!property.description().isBlank()) {
            parts.add(property.description().strip());
        }
        TypeModel type = property.type() instanceof ArrayType array ? array.items() : property.type();
        if (type instanceof ScalarType scalar) {
            switch (scalar.scalar()) {
                case DATE_TIME -> parts.add("Format: RFC 3339 date-time in UTC, e.g. `2026-11-28T09:15:00Z`.");
                case DATE -> parts.add("Format: RFC 3339 full-date, e.g. `2026-11-28`.");
                case CURRENCY -> parts.add("Format: ISO 4217 alphabetic currency code, e.g. `EUR`, `JPY`.");
                case DECIMAL -> parts.add("A decimal, exact to the digits written: money is in the major unit of the "
                        + "event's currency (`19.90` EUR, not cents); avoid floating-point arithmetic on it.");
                case INT32, INT64 -> parts.add("An integer.");
                default -> {
                }
            }
        }
        if (!property.constraints().isEmpty()) {
            parts.add("Constraints: " + property.constraints().stream().map(c -> "`" + c + "`")
                    .collect(Collectors.joining(", ")) + ".");
        }
        return String.join("\n", parts);
    }

    private void writeDoc(String text, String indent) {
        if (text.isBlank()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace("*/", "*\\/").strip().split("\\R")) {
            lines.addAll(wrap(paragraph, LINE_WIDTH - indent.length() - 3));
        }
        if (lines.size() == 1) {
            out.append(indent).append("/** ").append(lines.get(0)).append(" */\n");
            return;
        }
        out.append(indent).append("/**\n");
        lines.forEach(line -> out.append(indent).append(line.isEmpty() ? " *" : " * " + line).append('\n'));
        out.append(indent).append(" */\n");
    }

    private static List<String> wrap(String paragraph, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" +")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String propertyName(String jsonName) {
        return jsonName.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? jsonName : stringLiteral(jsonName);
    }

    private static String stringLiteral(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }
}
