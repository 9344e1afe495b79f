package io.nagare.schemas;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

import com.fasterxml.jackson.databind.JsonNode;

/** Orders errors as their locations appear in the document, so the same event always reads the same way. */
final class DocumentOrder {

    private DocumentOrder() {
    }

    static List<ValidationError> sort(JsonNode document, List<ValidationError> errors) {
        Map<String, Integer> positions = new HashMap<>();
        number(document, "", positions);
        // The sort is stable: errors at one location keep the validator's (schema) order.
        return errors.stream()
                .sorted(Comparator.comparingInt(error -> positions.getOrDefault(error.pointer(), Integer.MAX_VALUE)))
                .toList();
    }

    private static void number(JsonNode node, String pointer, Map<String, Integer> positions) {
        positions.putIfAbsent(pointer, positions.size());
        if (node.isObject()) {
            for (Entry<String, JsonNode> field : node.properties()) {
                number(field.getValue(), pointer + "/" + escape(field.getKey()), positions);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                number(node.get(i), pointer + "/" + i, positions);
            }
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
