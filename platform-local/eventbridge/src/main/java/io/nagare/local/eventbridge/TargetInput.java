package io.nagare.local.eventbridge;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nagare.local.runtime.AwsServiceException;

/**
 * What a target receives for a matched event: the event itself, the constant {@code Input}, the part at
 * {@code InputPath}, or the {@code InputTransformer} template rendered as EventBridge documents it.
 *
 * <p>A template whose text starts with {@code {} or {@code [} is a JSON template: a variable in a value position
 * is written as JSON (strings get quotes, objects and arrays do not), a variable inside a string literal is
 * written raw. Any other template is a string template, rendered raw everywhere. Raw objects and arrays lose
 * their inner quotes ("EventBridge removes any internal quotes to ensure a valid string"); values are not
 * escaped; a variable whose path matches nothing is left out.
 */
final class TargetInput {

    static final String RULE_ARN = "aws.events.rule-arn";
    static final String RULE_NAME = "aws.events.rule-name";
    static final String INGESTION_TIME = "aws.events.event.ingestion-time";
    static final String EVENT = "aws.events.event";
    static final String EVENT_JSON = "aws.events.event.json";

    private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>]*)>");

    private TargetInput() {
    }

    /** Rejects a transformer whose template names a variable it does not define, as PutTargets does. */
    static void validate(String targetId, JsonNode transformer) {
        JsonNode template = transformer.get("InputTemplate");
        if (template == null || !template.isTextual()) {
            throw Params.validation("Value null at 'inputTemplate' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        JsonNode paths = transformer.path("InputPathsMap");
        Matcher placeholders = PLACEHOLDER.matcher(template.asText());
        while (placeholders.find()) {
            String name = placeholders.group(1);
            if (!paths.has(name) && !isPredefined(name)) {
                throw new AwsServiceException("ValidationException", "InputTemplate for target " + targetId
                        + " contains invalid placeholder " + name + ".");
            }
        }
    }

    /** The input for {@code target} (a PutTargets target) when {@code event} matched {@code ruleArn}. */
    static String render(ObjectNode target, ObjectNode event, String ruleArn, String ruleName,
                         String ingestionTime) {
        if (target.hasNonNull("Input")) {
            return target.get("Input").asText();
        }
        if (target.hasNonNull("InputPath")) {
            EventPath path = EventPath.parse(target.get("InputPath").asText());
            JsonNode value = path == null ? null : path.resolve(event);
            return value == null ? "null" : EventJson.write(value);
        }
        if (target.hasNonNull("InputTransformer")) {
            return transform(target.get("InputTransformer"), event, ruleArn, ruleName, ingestionTime);
        }
        return EventJson.write(event);
    }

    private static String transform(JsonNode transformer, ObjectNode event, String ruleArn, String ruleName,
                                    String ingestionTime) {
        Map<String, JsonNode> values = new HashMap<>();
        transformer.path("InputPathsMap").properties().forEach(entry -> {
            EventPath path = EventPath.parse(entry.getValue().asText());
            JsonNode value = path == null ? null : path.resolve(event);
            if (value != null) {
                values.put(entry.getKey(), value);
            }
        });
        values.put(RULE_ARN, TextNode.valueOf(ruleArn));
        values.put(RULE_NAME, TextNode.valueOf(ruleName));
        values.put(INGESTION_TIME, TextNode.valueOf(ingestionTime));
        values.put(EVENT, event.deepCopy().without("detail"));
        values.put(EVENT_JSON, event);
        Map<String, Boolean> declared = new HashMap<>();
        transformer.path("InputPathsMap").fieldNames().forEachRemaining(name -> declared.put(name, true));
        String template = transformer.get("InputTemplate").asText();
        String trimmed = template.strip();
        boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
        StringBuilder out = new StringBuilder(template.length() + 64);
        boolean inString = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '<') {
                int end = template.indexOf('>', i + 1);
                String name = end < 0 ? null : template.substring(i + 1, end);
                if (name != null && (declared.containsKey(name) || isPredefined(name))) {
                    JsonNode value = values.get(name);
                    if (value != null) {
                        out.append(json && !inString ? EventJson.write(value) : raw(value));
                    }
                    i = end;
                    continue;
                }
            }
            if (json) {
                if (inString && c == '\\' && i + 1 < template.length()) {
                    out.append(c).append(template.charAt(++i));
                    continue;
                }
                if (c == '"') {
                    inString = !inString;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String raw(JsonNode value) {
        return value.isTextual() ? value.asText() : EventJson.write(value).replace("\"", "");
    }

    private static boolean isPredefined(String name) {
        return name.equals(RULE_ARN) || name.equals(RULE_NAME) || name.equals(INGESTION_TIME)
                || name.equals(EVENT) || name.equals(EVENT_JSON);
    }
}
