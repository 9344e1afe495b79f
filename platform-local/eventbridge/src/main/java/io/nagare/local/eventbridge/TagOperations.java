package io.nagare.local.eventbridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * TagResource, UntagResource, ListTagsForResource, and the {@code Tags} of CreateEventBus and PutRule. EventBridge
 * tags event buses and rules; tags are kept by resource ARN (in the {@code tags} map of the store) and go with the
 * resource when it is deleted.
 */
final class TagOperations {

    private static final int MAX_TAGS = 50;

    private final EventBridgeState state;

    TagOperations(EventBridgeState state) {
        this.state = state;
    }

    ObjectNode tag(ObjectNode input) {
        String arn = requireResource(Params.required(input, "ResourceARN"));
        Map<String, String> tags = read(arn);
        tags.putAll(tagsOf(input, true));
        if (tags.size() > MAX_TAGS) {
            throw Params.invalid("The resource " + arn + " can have at most " + MAX_TAGS + " tags.");
        }
        write(arn, tags);
        return EventJson.object();
    }

    ObjectNode untag(ObjectNode input) {
        String arn = requireResource(Params.required(input, "ResourceARN"));
        JsonNode keys = input.get("TagKeys");
        if (keys == null || !keys.isArray()) {
            throw Params.validation("Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
        }
        Map<String, String> tags = read(arn);
        keys.forEach(key -> tags.remove(key.asText()));
        write(arn, tags);
        return EventJson.object();
    }

    ObjectNode list(ObjectNode input) {
        String arn = requireResource(Params.required(input, "ResourceARN"));
        ObjectNode output = EventJson.object();
        ArrayNode tags = output.putArray("Tags");
        read(arn).forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        return output;
    }

    /** The checked {@code Tags} of a create request, before it creates anything. */
    static Map<String, String> tagsOf(ObjectNode input, boolean required) {
        JsonNode tags = input.get("Tags");
        if (tags == null || tags.isNull()) {
            if (required) {
                throw Params.validation("Value null at 'tags' failed to satisfy constraint: Member must not be null");
            }
            return Map.of();
        }
        Map<String, String> checked = new LinkedHashMap<>();
        for (JsonNode tag : tags) {
            String key = tag.path("Key").asText(null);
            String value = tag.path("Value").asText(null);
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw Params.validation("Value '" + key + "' at 'tags.member.key' failed to satisfy constraint: "
                        + "Member must have length between 1 and 128");
            }
            if (value == null || value.length() > 256) {
                throw Params.validation("Value '" + value + "' at 'tags.member.value' failed to satisfy constraint:"
                        + " Member must have length between 0 and 256");
            }
            if (key.startsWith("aws:")) {
                throw Params.invalid("Invalid tag key " + key + ": the aws: prefix is reserved for AWS use.");
            }
            checked.put(key, value);
        }
        if (checked.size() > MAX_TAGS) {
            throw Params.invalid("A resource can have at most " + MAX_TAGS + " tags.");
        }
        return checked;
    }

    /** Records the tags a CreateEventBus or PutRule request gave its new resource. */
    void created(String arn, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            Map<String, String> merged = read(arn);
            merged.putAll(tags);
            write(arn, merged);
        }
    }

    void ruleDeleted(String bus, String rule) {
        if (state.store.tags.remove(state.arns.rule(bus, rule)) != null) {
            state.store.commit();
        }
    }

    /** A deleted bus's tags and its rules'. */
    void busDeleted(String bus) {
        String rulePrefix = state.arns.rule(bus, "");
        boolean changed = state.store.tags.remove(state.arns.bus(bus)) != null;
        for (String arn : new ArrayList<>(state.store.tags.keySet())) {
            if (!bus.equals(EventBridgeArns.DEFAULT_BUS) && arn.startsWith(rulePrefix)) {
                state.store.tags.remove(arn);
                changed = true;
            }
        }
        if (changed) {
            state.store.commit();
        }
    }

    /** The ARN of an existing bus or rule, as stored; AWS's errors otherwise. */
    private String requireResource(String arn) {
        String prefix = "arn:aws:events:" + state.region + ":" + state.accountId + ":";
        if (!arn.startsWith(prefix)) {
            throw Params.notFound("Resource " + arn + " does not exist.");
        }
        String resource = arn.substring(prefix.length());
        if (resource.startsWith("event-bus/")) {
            String bus = resource.substring("event-bus/".length());
            state.requireBus(bus);
            return state.arns.bus(bus);
        }
        if (resource.startsWith("rule/")) {
            String path = resource.substring("rule/".length());
            int slash = path.lastIndexOf('/');
            String bus = slash < 0 ? EventBridgeArns.DEFAULT_BUS : path.substring(0, slash);
            String rule = path.substring(slash + 1);
            state.requireRule(bus, rule);
            return state.arns.rule(bus, rule);
        }
        throw Params.invalid("not supported: tags on " + arn + " (the local EventBridge tags event buses and rules)");
    }

    private Map<String, String> read(String arn) {
        Map<String, String> tags = new TreeMap<>();
        String stored = state.store.tags.get(arn);
        if (stored != null) {
            EventJson.parse(stored).properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        }
        return tags;
    }

    private void write(String arn, Map<String, String> tags) {
        if (tags.isEmpty()) {
            state.store.tags.remove(arn);
        } else {
            ObjectNode json = EventJson.object();
            tags.forEach(json::put);
            state.store.tags.put(arn, EventJson.write(json));
        }
        state.store.commit();
    }
}
