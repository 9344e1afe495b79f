package io.nagare.local.eventbridge;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** TestEventPattern: whether an event matches a pattern, validated as EventBridge validates both. */
final class TestEventPatternOperation {

    /** The event fields TestEventPattern requires (AWS's documentation adds resources; the service does not). */
    private static final List<String> REQUIRED_FIELDS =
            List.of("id", "account", "source", "time", "region", "detail-type");

    ObjectNode invoke(ObjectNode input) {
        String patternJson = Params.required(input, "EventPattern");
        String eventJson = Params.required(input, "Event");
        EventPattern pattern = EventPattern.compile(patternJson);
        JsonNode event = EventJson.parseOrNull(eventJson);
        if (event == null || !event.isObject() || !REQUIRED_FIELDS.stream().allMatch(event::has)) {
            throw Params.invalid("Parameter Event is not valid.");
        }
        ObjectNode output = EventJson.object();
        output.put("Result", pattern.matches(event));
        return output;
    }
}
