package io.nagare.schemas.codegen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.nagare.schemas.SchemaRegistryException;
import io.nagare.schemas.codegen.TypeModel.ArrayType;
import io.nagare.schemas.codegen.TypeModel.EnumType;
import io.nagare.schemas.codegen.TypeModel.ObjectType;
import io.nagare.schemas.codegen.TypeModel.Property;
import io.nagare.schemas.codegen.TypeModel.ScalarType;

/**
 * Writes one event version as a Java record: the payload record with its constants, and a nested record or enum
 * for each object or enum type it uses. Jackson reads and writes it exactly as the schema describes the JSON.
 */
final class JavaRecordWriter {

    private static final String JACKSON = "com.fasterxml.jackson.annotation.";
    private static final String INDENT = "    ";
    private static final int LINE_WIDTH = 120;

    private final EventModel model;
    private final JavaImports imports;
    private final StringBuilder out = new StringBuilder();

    private JavaRecordWriter(EventModel model) {
        this.model = model;
        Set<String> localNames = new HashSet<>();
        localNames.add(model.payload().name());
        model.namedTypes().forEach(type -> localNames.add(name(type)));
        this.imports = new JavaImports(localNames);
    }

    static String write(EventModel model, String packageName) {
        JavaRecordWriter writer = new JavaRecordWriter(model);
        writer.writeRecord(model.payload(), "", true);
        String importBlock = writer.imports.block();
        return "// Generated from " + model.version().id() + " by io.nagare.schemas.codegen. Do not edit.\n"
                + "package " + packageName + ";\n\n"
                + (importBlock.isEmpty() ? "" : importBlock + "\n")
                + writer.out;
    }

    private void writeRecord(ObjectType type, String indent, boolean payload) {
        Map<Property, String> components = componentNames(type);
        List<String> doc = new ArrayList<>(JavaText.doc(type.description(), indent.length() + 3));
        if (payload) {
            List<String> about = JavaText.doc("Event `" + model.type().detailType() + "` version "
                    + model.version().version() + ", source `" + model.type().source() + "`, owner `"
                    + model.type().owner() + "`.", indent.length() + 6);
            doc.add("");
            doc.add("<p>" + about.get(0));
            doc.addAll(about.subList(1, about.size()));
        }
        if (!type.properties().isEmpty()) {
            doc.add("");
        }
        for (Property property : type.properties()) {
            String tag = "@param " + components.get(property) + " ";
            List<String> text = JavaText.doc(propertyDoc(property), indent.length() + 3 + tag.length());
            doc.add(tag + text.get(0));
            text.subList(1, text.size()).forEach(line -> doc.add(" ".repeat(tag.length()) + line));
        }
        writeDoc(doc, indent);

        String jsonInclude = imports.use(JACKSON + "JsonInclude");
        line(indent, "@" + jsonInclude + "(" + jsonInclude + ".Include.NON_NULL)");
        if (!type.closed()) {
            // The schema leaves this object open, so properties it does not declare are valid and skipped.
            line(indent, "@" + imports.use(JACKSON + "JsonIgnoreProperties") + "(ignoreUnknown = true)");
        }
        if (!type.properties().isEmpty()) {
            writePropertyOrder(type, indent);
        }
        writeHeader(type, components, indent);

        String inner = indent + INDENT;
        boolean firstMember = true;
        if (payload) {
            out.append('\n');
            writeConstants(inner);
            firstMember = false;
        }
        List<String> checks = checks(type, components, payload);
        if (!checks.isEmpty()) {
            if (!firstMember) {
                out.append('\n');
            }
            line(inner, "public " + type.name() + " {");
            checks.forEach(check -> line(inner + INDENT, check.replace("\n", "\n" + inner + INDENT)));
            line(inner, "}");
            firstMember = false;
        }
        if (payload) {
            for (TypeModel nested : model.namedTypes()) {
                out.append('\n');
                if (nested instanceof ObjectType object) {
                    writeRecord(object, inner, false);
                } else {
                    writeEnum((EnumType) nested, inner);
                }
            }
        }
        line(indent, "}");
    }

    private void writeHeader(ObjectType type, Map<Property, String> components, String indent) {
        if (type.properties().isEmpty()) {
            line(indent, "public record " + type.name() + "() {");
            return;
        }
        line(indent, "public record " + type.name() + "(");
        List<Property> properties = type.properties();
        for (int i = 0; i < properties.size(); i++) {
            Property property = properties.get(i);
            String component = components.get(property);
            String annotation = component.equals(property.jsonName()) ? ""
                    : "@" + imports.use(JACKSON + "JsonProperty") + "(" + JavaText.literal(property.jsonName()) + ") ";
            line(indent + INDENT + INDENT, annotation + javaType(property.type()) + " " + component
                    + (i == properties.size() - 1 ? ") {" : ","));
        }
    }

    private void writePropertyOrder(ObjectType type, String indent) {
        String annotation = "@" + imports.use(JACKSON + "JsonPropertyOrder") + "({";
        List<String> names = type.properties().stream().map(p -> JavaText.literal(p.jsonName())).toList();
        String oneLine = annotation + String.join(", ", names) + "})";
        if (indent.length() + oneLine.length() <= LINE_WIDTH) {
            line(indent, oneLine);
            return;
        }
        line(indent, annotation);
        String continuation = indent + INDENT + INDENT;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) + (i == names.size() - 1 ? "})" : ",");
            if (current.length() > 0 && continuation.length() + current.length() + 1 + name.length() > LINE_WIDTH) {
                line(continuation, current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? " " : "").append(name);
        }
        line(continuation, current.toString());
    }

    private void writeConstants(String indent) {
        line(indent, "/** The EventBridge {@code detail-type}, which is also the CloudEvents {@code type}. */");
        line(indent, "public static final String DETAIL_TYPE = " + JavaText.literal(model.type().detailType()) + ";");
        line(indent, "/** The EventBridge {@code source} this event is published with. */");
        line(indent, "public static final String SOURCE = " + JavaText.literal(model.type().source()) + ";");
        line(indent, "/** The schema version this record was generated from. */");
        line(indent, "public static final int VERSION = " + model.version().version() + ";");
        line(indent, "/** The schema's {@code $id}, which is also the CloudEvents {@code dataschema}. */");
        line(indent, "public static final String SCHEMA_ID = " + JavaText.literal(model.version().id()) + ";");
    }

    /** Null checks naming the missing property, and unmodifiable copies of lists. */
    private List<String> checks(ObjectType type, Map<Property, String> components, boolean payload) {
        String owner = payload ? type.name() : model.payload().name() + "." + type.name();
        String objects = null;
        List<String> checks = new ArrayList<>();
        for (Property property : type.properties()) {
            String name = components.get(property);
            boolean list = property.type() instanceof ArrayType;
            if (property.required()) {
                objects = objects == null ? imports.use("java.util.Objects") : objects;
                String check = objects + ".requireNonNull(" + name + ", "
                        + JavaText.literal(owner + "." + property.jsonName() + " is required") + ")";
                checks.add(list ? name + " = " + imports.use("java.util.List") + ".copyOf(\n" + INDENT.repeat(2) + check + ");"
                        : check + ";");
            } else if (list) {
                checks.add(name + " = " + name + " == null ? null : " + imports.use("java.util.List") + ".copyOf(" + name + ");");
            }
        }
        return checks;
    }

    private void writeEnum(EnumType type, String indent) {
        writeDoc(JavaText.doc(type.description(), indent.length() + 3), indent);
        line(indent, "public enum " + type.name() + " {");
        Set<String> seen = new HashSet<>();
        List<String> values = type.values();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String constant = JavaText.constantName(value);
            if (!seen.add(constant)) {
                throw new SchemaRegistryException("not supported: enum values that are one Java constant "
                        + constant + " in " + type.name() + " of " + model.version().label());
            }
            if (!constant.equals(value)) {
                line(indent + INDENT, "@" + imports.use(JACKSON + "JsonProperty") + "(" + JavaText.literal(value) + ")");
            }
            line(indent + INDENT, constant + (i == values.size() - 1 ? "" : ","));
        }
        line(indent, "}");
    }

    private Map<Property, String> componentNames(ObjectType type) {
        Map<Property, String> names = new HashMap<>();
        Map<String, String> jsonNameByComponent = new HashMap<>();
        for (Property property : type.properties()) {
            String component = JavaText.componentName(property.jsonName());
            String clash = jsonNameByComponent.put(component, property.jsonName());
            if (clash != null) {
                throw new SchemaRegistryException("not supported: properties '" + clash + "' and '"
                        + property.jsonName() + "' of " + type.name() + " in " + model.version().label()
                        + " (both become the Java name " + component + ")");
            }
            names.put(property, component);
        }
        return names;
    }

    private String javaType(TypeModel type) {
        if (type instanceof ObjectType || type instanceof EnumType) {
            return name(type);
        }
        if (type instanceof ArrayType array) {
            return imports.use("java.util.List") + "<" + javaType(array.items()) + ">";
        }
        return switch (((ScalarType) type).scalar()) {
            case STRING -> imports.use("java.lang.String");
            case DATE_TIME -> imports.use("java.time.Instant");
            case DATE -> imports.use("java.time.LocalDate");
            case CURRENCY -> imports.use("java.util.Currency");
            case DECIMAL -> imports.use("java.math.BigDecimal");
            case INT32 -> imports.use("java.lang.Integer");
            case INT64 -> imports.use("java.lang.Long");
            case BOOLEAN -> imports.use("java.lang.Boolean");
        };
    }

    private static String propertyDoc(Property property) {
        StringBuilder doc = new StringBuilder(property.description().strip());
        if (doc.length() > 0 && ".!?".indexOf(doc.charAt(doc.length() - 1)) < 0) {
            doc.append('.');
        }
        if (!property.constraints().isEmpty()) {
            doc.append(doc.length() > 0 ? " " : "").append("Constraints: ")
                    .append(property.constraints().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", ")))
                    .append('.');
        }
        if (!property.required()) {
            doc.append(doc.length() > 0 ? " " : "").append("Null when absent.");
        }
        if (property.type() instanceof ScalarType scalar && scalar.constant() != null) {
            doc.append(" Always `").append(scalar.constant()).append("`.");
        }
        return doc.toString();
    }

    private void writeDoc(List<String> lines, String indent) {
        List<String> content = new ArrayList<>(lines);
        while (!content.isEmpty() && content.get(0).isBlank()) {
            content.remove(0);
        }
        if (content.isEmpty()) {
            return;
        }
        if (content.size() == 1 && indent.length() + content.get(0).length() + 7 <= LINE_WIDTH) {
            line(indent, "/** " + content.get(0) + " */");
            return;
        }
        line(indent, "/**");
        content.forEach(text -> line(indent, text.isEmpty() ? " *" : " * " + text));
        line(indent, " */");
    }

    private void line(String indent, String text) {
        out.append(indent).append(text).append('\n');
    }

    private static String name(TypeModel type) {
        return type instanceof ObjectType object ? object.name() : ((EnumType) type).name();
    }
}
