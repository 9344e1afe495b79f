package io.nagare.platform.model;

import java.io.IOException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.schemas.SchemaJson;

/** Reads facts out of EventBridge event patterns without matching anything. */
final class EventPatterns {

    private EventPatterns() {
    }

    /**
     * The exact string values a pattern lists for a top-level field, also inside {@code $or} branches; operators
     * such as {@code prefix} or {@code anything-but} name no exact value and are skipped.
     */
    static Set<String> exactValues(String pattern, String field) {
        JsonNode json;
        try {
            json = SchemaJson.mapper().readTree(pattern);
        } catch (IOException e) {
            return Set.of();
        }
        Set<String> values = new TreeSet<>();
        collect(json, field, values);
        return Collections.unmodifiableSet(values);
    }

    private static void collect(JsonNode pattern, String field, Set<String> values) {
        if (pattern == null || !pattern.isObject()) {
            return;
        }
        for (JsonNode value : pattern.path(field)) {
            if (value.isTextual()) {
                values.add(value.asText());
            }
        }
        for (JsonNode branch : pattern.path("$or")) {
            collect(branch, field, values);
        }
    }
}
