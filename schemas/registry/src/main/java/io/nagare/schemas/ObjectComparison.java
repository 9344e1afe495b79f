package io.nagare.schemas;

import static io.nagare.schemas.SchemaComparison.where;
import static io.nagare.schemas.SchemaKeywords.acceptsAll;
import static io.nagare.schemas.SchemaKeywords.rejectsAll;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Properties and content models, with Confluent Schema Registry's rules. An object's content model is open
 * (any undeclared property, any value: {@code additionalProperties} absent or true, no {@code patternProperties}),
 * closed ({@code additionalProperties: false}) or partially open (undeclared properties must match a schema).
 * <ul>
 * <li>A property the reader declares and the writer does not: fine when the writer's model is closed (the writer
 * never sends it) unless the reader requires it; when the writer's model is open the writer may have sent any
 * value under that name, so only an empty schema is safe; when partially open, the writer's schema for that name
 * must fit the reader's.</li>
 * <li>A property the writer declares and the reader does not: fine when the reader's model is open; breaking
 * when closed (the reader rejects it); when partially open the reader's schema for that name must accept it.</li>
 * <li>A reader that requires a property the writer did not require breaks, unless the reader gives a default.</li>
 * </ul>
 */
final class ObjectComparison {

    private ObjectComparison() {
    }

    static void compare(SchemaComparison c, SchemaNode w, SchemaNode r, String path) {
        Map<String, SchemaNode> writerProperties = namedSchemas(w, "properties");
        Map<String, SchemaNode> readerProperties = namedSchemas(r, "properties");
        Set<String> writerRequired = required(w);
        Set<String> readerRequired = required(r);
        Set<String> names = new LinkedHashSet<>(c.newer(writerProperties, readerProperties).keySet());
        names.addAll(c.older(writerProperties, readerProperties).keySet());
        names.addAll(c.newer(writerRequired, readerRequired));
        names.addAll(c.older(writerRequired, readerRequired));
        for (String name : names) {
            String at = path + "/" + SchemaNode.escape(name);
            SchemaNode writerProperty = writerProperties.get(name);
            SchemaNode readerProperty = readerProperties.get(name);
            boolean newlyRequired = readerRequired.contains(name) && !writerRequired.contains(name);
            if (writerProperty != null && readerProperty == null) {
                declaredByWriterOnly(c, r, name, writerProperty, writerRequired.contains(name), at);
                continue;
            }
            if (writerProperty == null && readerProperty != null) {
                declaredByReaderOnly(c, w, name, readerProperty, readerRequired.contains(name), newlyRequired, at);
                continue;
            }
            if (newlyRequired && !hasDefault(readerProperty)) {
                c.report("REQUIRED_ATTRIBUTE_ADDED", (c.readerIsNewer() ? "makes property " + at + " required"
                        : "makes property " + at + " optional"), w, r, "required");
            }
            if (writerProperty != null) {
                c.compare(writerProperty, readerProperty, at);
            }
        }
        compareAdditionalProperties(c, w, r, path);
        comparePatternProperties(c, w, r, path);
    }

    private static void declaredByWriterOnly(SchemaComparison c, SchemaNode r, String name,
                                             SchemaNode writerProperty, boolean required, String at) {
        String change = (c.readerIsNewer() ? "removes " : "adds ") + (required ? "required" : "optional")
                + " property " + at;
        SchemaNode nowhere = r.child("properties", name);
        SchemaNode slot = slotFor(r, name);
        if (acceptsAll(slot)) {
            return;
        }
        if (rejectsAll(slot)) {
            if (!rejectsAll(writerProperty)) {
                c.report("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", change, writerProperty, nowhere, null);
            }
            return;
        }
        SchemaComparison trial = c.trial();
        trial.compare(writerProperty, slot, at);
        if (!trial.compatible()) {
            c.adopt(trial);
            c.report("PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", change, writerProperty, nowhere,
                    null);
        }
    }

    private static void declaredByReaderOnly(SchemaComparison c, SchemaNode w, String name,
                                             SchemaNode readerProperty, boolean required, boolean newlyRequired,
                                             String at) {
        String change = (c.readerIsNewer() ? "adds " : "removes ") + (required ? "required" : "optional")
                + " property " + at;
        SchemaNode nowhere = w.child("properties", name);
        SchemaNode slot = slotFor(w, name);
        boolean open = acceptsAll(slot);
        if (open && !acceptsAll(readerProperty)) {
            c.report("PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", change, nowhere, readerProperty, null);
        } else if (!open && !rejectsAll(slot)) {
            SchemaComparison trial = c.trial();
            trial.compare(slot, readerProperty, at);
            if (!trial.compatible()) {
                c.adopt(trial);
                c.report("PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", change, nowhere,
                        readerProperty, null);
            }
        }
        if (newlyRequired && !hasDefault(readerProperty)) {
            c.report(open ? "REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"
                    : "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", change, nowhere, readerProperty, null);
        }
    }

    private static void compareAdditionalProperties(SchemaComparison c, SchemaNode w, SchemaNode r, String path) {
        SchemaNode writerExtra = w.child("additionalProperties");
        SchemaNode readerExtra = r.child("additionalProperties");
        if (rejectsAll(writerExtra)) {
            return;
        }
        if (rejectsAll(readerExtra)) {
            c.report("ADDITIONAL_PROPERTIES_REMOVED", c.readerIsNewer()
                    ? "closes the content model of " + where(path) + " (additionalProperties: false)"
                    : "opens the content model of " + where(path), writerExtra, readerExtra, null);
        } else if (acceptsAll(writerExtra) && !acceptsAll(readerExtra)) {
            c.report("ADDITIONAL_PROPERTIES_NARROWED", c.readerIsNewer()
                    ? "restricts the additional properties of " + where(path) + " to a schema"
                    : "lets any additional property into " + where(path), writerExtra, readerExtra, null);
        } else if (!acceptsAll(readerExtra)) {
            c.compare(writerExtra, readerExtra, path + "/*");
        }
    }

    private static void comparePatternProperties(SchemaComparison c, SchemaNode w, SchemaNode r, String path) {
        Map<String, SchemaNode> writerPatterns = namedSchemas(w, "patternProperties");
        Map<String, SchemaNode> readerPatterns = namedSchemas(r, "patternProperties");
        Set<String> patterns = new LinkedHashSet<>(c.newer(writerPatterns, readerPatterns).keySet());
        patterns.addAll(c.older(writerPatterns, readerPatterns).keySet());
        for (String pattern : patterns) {
            String at = path + "/(" + pattern + ")";
            SchemaNode writerSchema = writerPatterns.get(pattern);
            SchemaNode readerSchema = readerPatterns.get(pattern);
            if (writerSchema != null && readerSchema != null) {
                c.compare(writerSchema, readerSchema, at);
            } else if (writerSchema != null) {
                // Names matching the pattern fall to the reader's additionalProperties.
                coveredBySlot(c, writerSchema, r.child("additionalProperties"), at, (c.readerIsNewer()
                        ? "removes patternProperties " : "adds patternProperties ") + pattern + " of " + where(path));
            } else {
                SchemaNode slot = w.child("additionalProperties");
                String change = (c.readerIsNewer() ? "adds patternProperties " : "removes patternProperties ")
                        + pattern + " of " + where(path);
                if (acceptsAll(slot) && !acceptsAll(readerSchema)) {
                    c.report("PATTERN_PROPERTIES_ADDED_TO_OPEN_CONTENT_MODEL", change, slot, readerSchema, null);
                } else if (!acceptsAll(slot) && !rejectsAll(slot)) {
                    SchemaComparison trial = c.trial();
                    trial.compare(slot, readerSchema, at);
                    if (!trial.compatible()) {
                        c.adopt(trial);
                        c.report("PATTERN_PROPERTIES_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", change,
                                slot, readerSchema, null);
                    }
                }
            }
        }
    }

    private static void coveredBySlot(SchemaComparison c, SchemaNode writerSchema, SchemaNode readerSlot, String at,
                                      String change) {
        if (acceptsAll(readerSlot) || rejectsAll(writerSchema)) {
            return;
        }
        if (rejectsAll(readerSlot)) {
            c.report("PATTERN_PROPERTIES_REMOVED_FROM_CLOSED_CONTENT_MODEL", change, writerSchema, readerSlot, null);
            return;
        }
        SchemaComparison trial = c.trial();
        trial.compare(writerSchema, readerSlot, at);
        if (!trial.compatible()) {
            c.adopt(trial);
            c.report("PATTERN_PROPERTIES_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", change, writerSchema,
                    readerSlot, null);
        }
    }

    /**
     * The schema an object applies to an undeclared property {@code name}: the first matching
     * {@code patternProperties}, else {@code additionalProperties} (absent: anything).
     */
    private static SchemaNode slotFor(SchemaNode object, String name) {
        for (Entry<String, SchemaNode> pattern : namedSchemas(object, "patternProperties").entrySet()) {
            try {
                if (Pattern.compile(pattern.getKey()).matcher(name).find()) {
                    return pattern.getValue();
                }
            } catch (PatternSyntaxException e) {
                throw new SchemaRegistryException(pattern.getValue().pointer() + ": not supported: the pattern "
                        + pattern.getKey() + " is not a Java regular expression: " + e.getDescription(), e);
            }
        }
        return object.child("additionalProperties");
    }

    private static Map<String, SchemaNode> namedSchemas(SchemaNode object, String keyword) {
        Map<String, SchemaNode> schemas = new LinkedHashMap<>();
        JsonNode container = object.get(keyword);
        if (container != null && container.isObject()) {
            for (Entry<String, JsonNode> field : container.properties()) {
                schemas.put(field.getKey(), object.child(keyword, field.getKey()));
            }
        }
        return schemas;
    }

    private static Set<String> required(SchemaNode object) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode required = object.get("required");
        if (required != null && required.isArray()) {
            required.forEach(name -> names.add(name.asText()));
        }
        return names;
    }

    private static boolean hasDefault(SchemaNode property) {
        return property != null && property.has("default");
    }
}
