package io.nagare.local.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Resource tags in the wire form {@code [{"Key": k, "Value": v}]}. */
final class Tags {

    private Tags() {
    }

    static Map<String, String> read(JsonNode tags) {
        Map<String, String> read = new LinkedHashMap<>();
        if (tags != null && tags.isArray()) {
            for (JsonNode tag : tags) {
                read.put(tag.path("Key").asText(), tag.path("Value").asText());
            }
        }
        return read;
    }

    static ArrayNode write(Map<String, String> tags) {
        ArrayNode array = Database.NODES.arrayNode();
        tags.forEach((key, value) -> array.addObject().put("Key", key).put("Value", value));
        return array;
    }
}
