package io.nagare.local.eventbridge;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * PutEvents: up to 10 entries and 256 KB (counted as AWS counts), each validated on its own with a per-entry
 * ErrorCode and ErrorMessage. Accepted events are committed to the outbox before the answer, then matched and
 * delivered asynchronously. Events for a bus that does not exist are acknowledged and dropped, as AWS does.
 */
final class PutEventsOperation {

    static final int MAX_ENTRIES = 10;
    static final int MAX_TOTAL_BYTES = 256 * 1024;
    /** AWS counts a given Time as 14 bytes. */
    private static final int TIME_BYTES = 14;

    private final EventBridgeState state;
    private final EventDispatcher dispatcher;

    PutEventsOperation(EventBridgeState state, EventDispatcher dispatcher) {
        this.state = state;
        this.dispatcher = dispatcher;
    }

    ObjectNode invoke(ObjectNode input) {
        JsonNode entries = input.get("Entries");
        if (entries == null || entries.isNull()) {
            throw Params.validation("Value null at 'entries' failed to satisfy constraint: Member must not be null");
        }
        if (entries.isEmpty()) {
            throw Params.validation("Value '[]' at 'entries' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw Params.validation("Value '" + describe(entries) + "' at 'entries' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_ENTRIES);
        }
        if (size(entries) > MAX_TOTAL_BYTES) {
            throw Params.invalid("Total size of the entries in the request is over the limit.");
        }
        if (input.hasNonNull("EndpointId")) {
            throw Params.invalid("not supported: global endpoints (EndpointId)");
        }
        Instant now = state.clock.now();
        ObjectNode output = EventJson.object();
        ArrayNode results = output.putArray("Entries");
        List<EventDispatcher.Staged> staged = new ArrayList<>();
        int failed = 0;
        for (JsonNode entry : entries) {
            String error = validate(entry);
            if (error != null) {
                failed++;
                results.add(entryError(error));
                continue;
            }
            ObjectNode event = event(entry, now);
            String bus = EventBridgeArns.busName(entry.path("EventBusName").asText(null));
            if (state.store.buses.containsKey(bus)) {
                staged.add(dispatcher.stage(new Records.OutboxEntry(bus, EventJson.write(event), now.toEpochMilli(),
                        null, null, true), event));
            }
            results.add(EventJson.object().put("EventId", event.get("id").asText()));
        }
        if (!staged.isEmpty()) {
            state.store.commit();
            dispatcher.dispatchLater(staged);
        }
        output.put("FailedEntryCount", failed);
        return output;
    }

    /** Null when the entry is acceptable, else "ErrorCode\nErrorMessage". */
    private static String validate(JsonNode entry) {
        if (entry.path("Source").asText("").isEmpty()) {
            return "InvalidArgument\nParameter Source is not valid. Reason: Source is a required argument.";
        }
        if (entry.path("DetailType").asText("").isEmpty()) {
            return "InvalidArgument\nParameter DetailType is not valid. Reason: DetailType is a required argument.";
        }
        if (entry.path("Detail").asText("").isEmpty()) {
            return "InvalidArgument\nParameter Detail is not valid. Reason: Detail is a required argument.";
        }
        JsonNode detail = EventJson.parseOrNull(entry.get("Detail").asText());
        if (detail == null || !detail.isObject()) {
            return "MalformedDetail\nDetail is malformed.";
        }
        return null;
    }

    private ObjectNode event(JsonNode entry, Instant now) {
        Instant time = entry.hasNonNull("Time") ? EventJson.instant(entry.get("Time")) : now;
        List<String> resources = new ArrayList<>();
        entry.path("Resources").forEach(resource -> resources.add(resource.asText()));
        return EventFactory.event(state, entry.get("Source").asText(), entry.get("DetailType").asText(), time,
                resources, EventJson.parse(entry.get("Detail").asText()));
    }

    private static ObjectNode entryError(String error) {
        int newline = error.indexOf('\n');
        return EventJson.object().put("ErrorCode", error.substring(0, newline))
                .put("ErrorMessage", error.substring(newline + 1));
    }

    /** The request size as AWS computes it: Time (14), Source, DetailType, Detail and each Resource in UTF-8. */
    static long size(JsonNode entries) {
        long size = 0;
        for (JsonNode entry : entries) {
            if (entry.hasNonNull("Time")) {
                size += TIME_BYTES;
            }
            size += utf8(entry.get("Source")) + utf8(entry.get("DetailType")) + utf8(entry.get("Detail"));
            for (JsonNode resource : entry.path("Resources")) {
                size += utf8(resource);
            }
        }
        return size;
    }

    private static long utf8(JsonNode text) {
        return text == null || text.isNull() ? 0 : text.asText().getBytes(StandardCharsets.UTF_8).length;
    }

    /** AWS echoes the entries in its Java model's toString form in the length error. */
    private static String describe(JsonNode entries) {
        StringJoiner all = new StringJoiner(", ", "[", "]");
        for (JsonNode entry : entries) {
            all.add("PutEventsRequestEntry(time=" + text(entry, "Time") + ", source=" + text(entry, "Source")
                    + ", resources=" + text(entry, "Resources") + ", detailType=" + text(entry, "DetailType")
                    + ", detail=" + text(entry, "Detail") + ", eventBusName=" + text(entry, "EventBusName")
                    + ", traceHeader=" + text(entry, "TraceHeader") + ", kmsKeyIdentifier=null, "
                    + "internalMetadata=null)");
        }
        return all.toString();
    }

    private static String text(JsonNode entry, String member) {
        JsonNode value = entry.get(member);
        return value == null || value.isNull() ? "null" : value.isTextual() ? value.asText() : value.toString();
    }
}
