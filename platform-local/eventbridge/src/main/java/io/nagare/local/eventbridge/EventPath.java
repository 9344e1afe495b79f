package io.nagare.local.eventbridge;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The JSON path subset EventBridge evaluates in InputPath and InputPathsMap: {@code $}, dot notation with keys of
 * letters, digits, dashes, underscores and slashes, array indices ({@code [0]}) and wildcards ({@code *}).
 */
final class EventPath {

    private final List<String> steps;

    private EventPath(List<String> steps) {
        this.steps = steps;
    }

    /** The path, or null when it is outside the subset EventBridge supports. */
    static EventPath parse(String path) {
        if (!path.startsWith("$")) {
            return null;
        }
        List<String> steps = new ArrayList<>();
        String rest = path.substring(1);
        while (!rest.isEmpty()) {
            if (rest.startsWith("[")) {
                int close = rest.indexOf(']');
                if (close < 0) {
                    return null;
                }
                String index = rest.substring(1, close);
                if (!index.matches("\\d+|\\*")) {
                    return null;
                }
                steps.add("[" + index);
                rest = rest.substring(close + 1);
            } else if (rest.startsWith(".")) {
                int end = 1;
                while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
                    end++;
                }
                String key = rest.substring(1, end);
                if (!key.matches("[A-Za-z0-9_\\-/]+|\\*")) {
                    return null;
                }
                steps.add(key);
                rest = rest.substring(end);
            } else {
                return null;
            }
        }
        return new EventPath(steps);
    }

    /** The value at this path, or null when the event has none. Wildcards collect their matches in an array. */
    JsonNode resolve(JsonNode root) {
        JsonNode current = root;
        boolean collected = false;
        for (String step : steps) {
            if (current == null) {
                return null;
            }
            if (collected) {
                ArrayNode next = EventJson.MAPPER.createArrayNode();
                for (JsonNode item : current) {
                    JsonNode value = step(item, step);
                    if (value != null) {
                        next.add(value);
                    }
                }
                current = next;
            } else if (step.equals("*") || step.equals("[*")) {
                ArrayNode all = EventJson.MAPPER.createArrayNode();
                Iterator<JsonNode> elements = current.elements();
                elements.forEachRemaining(all::add);
                current = all;
                collected = true;
            } else {
                current = step(current, step);
            }
        }
        return current == null || current.isMissingNode() ? null : current;
    }

    private static JsonNode step(JsonNode node, String step) {
        if (step.startsWith("[")) {
            return node.isArray() ? node.get(Integer.parseInt(step.substring(1))) : null;
        }
        return node.isObject() ? node.get(step) : null;
    }
}
