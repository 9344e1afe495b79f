package io.nagare.local.eventbridge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Events in the shape EventBridge delivers them, field order included. */
final class EventFactory {

    private EventFactory() {
    }

    static ObjectNode event(EventBridgeState state, String source, String detailType, Instant time,
                            List<String> resources, JsonNode detail) {
        ObjectNode event = EventJson.object();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", state.accountId);
        event.put("time", EventJson.eventTime(time));
        event.put("region", state.region);
        ArrayNode resourceArray = event.putArray("resources");
        resources.forEach(resourceArray::add);
        event.set("detail", detail);
        return event;
    }

    /** The event a schedule rule sends when it fires. */
    static ObjectNode scheduled(EventBridgeState state, String ruleArn, Instant firedAt) {
        return event(state, "aws.events", "Scheduled Event", firedAt, List.of(ruleArn), EventJson.object());
    }

    /** An event forwarded to another bus: a new id, this account and region, no replay mark. */
    static void renew(ObjectNode event, EventBridgeState state) {
        event.put("id", UUID.randomUUID().toString());
        event.put("account", state.accountId);
        event.put("region", state.region);
        event.remove("replay-name");
    }
}
