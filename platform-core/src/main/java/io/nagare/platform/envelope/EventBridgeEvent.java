package io.nagare.platform.envelope;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.schemas.SchemaJson;

/**
 * An event as EventBridge delivers it to rules and targets.
 *
 * <p>The optional members are {@code null} when absent: an event built for PutEvents has no account, region or
 * version yet (EventBridge stamps them), and only replayed events have a replay name. EventBridge writes
 * {@code time} in UTC with whole seconds, so {@code time} must be a whole second; {@link EventEnvelope} carries a
 * finer CloudEvents time in {@code detail._cloudevents}.
 *
 * @param id         the event id (EventBridge assigns a UUID when the event is put)
 * @param source     the {@code source}
 * @param detailType the {@code detail-type}
 * @param detail     the payload, always a JSON object; this record keeps its own copy
 * @param time       when the event happened, whole seconds; null when not stamped yet
 * @param resources  ARNs the event concerns; null when the member is absent (EventBridge delivers {@code []})
 * @param account    the AWS account the event was put in; null when not stamped yet
 * @param region     the AWS region the event was put in; null when not stamped yet
 * @param version    the event structure version ({@code "0"} in every event EventBridge delivers); null when absent
 * @param replayName the archive replay that re-sent this event; null for live events
 */
public record EventBridgeEvent(String id, String source, String detailType, JsonNode detail, Instant time,
                               List<String> resources, String account, String region, String version,
                               String replayName) {

    private static final List<String> MEMBERS = List.of("version", "id", "detail-type", "source", "account", "time",
            "region", "resources", "detail", "replay-name");

    public EventBridgeEvent {
        requireText(id, "id", id);
        requireText(source, "source", id);
        requireText(detailType, "detail-type", id);
        if (detail == null || !detail.isObject()) {
            throw new EnvelopeException("EventBridge event '" + id + "': detail must be a JSON object; got "
                    + (detail == null ? "none" : detail.getNodeType().toString().toLowerCase()));
        }
        detail = detail.deepCopy();
        if (time != null && !time.equals(time.truncatedTo(ChronoUnit.SECONDS))) {
            throw new EnvelopeException("EventBridge event '" + id + "': time " + time
                    + " has a fraction of a second; EventBridge events carry whole seconds (use truncatedTo(SECONDS))");
        }
        resources = resources == null ? null : List.copyOf(resources);
    }

    /** A copy of the payload: the event stays immutable. */
    @Override
    public JsonNode detail() {
        return detail.deepCopy();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).source(source).detailType(detailType).detail(detail).time(time)
                .resources(resources).account(account).region(region).version(version).replayName(replayName);
    }

    /** Reads the JSON EventBridge delivers; fails naming the member that is missing, unknown or of the wrong type. */
    public static EventBridgeEvent fromJson(String json) {
        try {
            return fromJson(SchemaJson.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new EnvelopeException("EventBridge event is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads the JSON EventBridge delivers; fails naming the member that is missing, unknown or of the wrong type. */
    public static EventBridgeEvent fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new EnvelopeException("EventBridge event must be a JSON object");
        }
        String id = json.path("id").asText(null);
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw new EnvelopeException("EventBridge event '" + id + "': unknown member '" + name
                        + "'; known members: " + MEMBERS);
            }
        }
        return builder()
                .id(text(json, "id", id, true))
                .source(text(json, "source", id, true))
                .detailType(text(json, "detail-type", id, true))
                .detail(json.has("detail") ? json.get("detail") : null)
                .time(time(json, id))
                .resources(resources(json, id))
                .account(text(json, "account", id, false))
                .region(text(json, "region", id, false))
                .version(text(json, "version", id, false))
                .replayName(text(json, "replay-name", id, false))
                .build();
    }

    /** The JSON EventBridge delivers, members in EventBridge's order; absent members are left out. */
    public ObjectNode toJson() {
        ObjectNode json = SchemaJson.mapper().createObjectNode();
        putIfPresent(json, "version", version);
        json.put("id", id);
        json.put("detail-type", detailType);
        json.put("source", source);
        putIfPresent(json, "account", account);
        putIfPresent(json, "time", time == null ? null : time.toString());
        putIfPresent(json, "region", region);
        if (resources != null) {
            ArrayNode array = json.putArray("resources");
            resources.forEach(array::add);
        }
        json.set("detail", detail.deepCopy());
        putIfPresent(json, "replay-name", replayName);
        return json;
    }

    private static void putIfPresent(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static void requireText(String value, String member, String id) {
        if (value == null || value.isEmpty()) {
            throw new EnvelopeException("EventBridge event" + (id == null ? "" : " '" + id + "'") + ": " + member
                    + " is required");
        }
    }

    private static String text(JsonNode json, String member, String id, boolean required) {
        JsonNode value = json.get(member);
        if (value == null || value.isNull()) {
            if (required) {
                requireText(null, member, id);
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new EnvelopeException("EventBridge event '" + id + "': " + member + " must be a string; got "
                    + value);
        }
        return value.asText();
    }

    private static Instant time(JsonNode json, String id) {
        String text = text(json, "time", id, false);
        if (text == null) {
            return null;
        }
        Instant time;
        try {
            time = Instant.parse(text);
        } catch (DateTimeParseException e) {
            time = null;
        }
        // Only EventBridge's own form round-trips: UTC, whole seconds.
        if (time == null || !time.toString().equals(text)) {
            throw new EnvelopeException("EventBridge event '" + id + "': time must be UTC with whole seconds, as"
                    + " EventBridge writes it (e.g. 2024-05-01T09:30:00Z); got '" + text + "'");
        }
        return time;
    }

    private static List<String> resources(JsonNode json, String id) {
        JsonNode value = json.get("resources");
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> resources = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    resources = null;
                    break;
                }
                resources.add(element.asText());
            }
        }
        if (!value.isArray() || resources == null) {
            throw new EnvelopeException("EventBridge event '" + id + "': resources must be an array of strings; got "
                    + value);
        }
        return resources;
    }

    /** Builds an {@link EventBridgeEvent}; id, source, detail-type and detail are required. */
    public static final class Builder {
        private String id;
        private String source;
        private String detailType;
        private JsonNode detail;
        private Instant time;
        private List<String> resources;
        private String account;
        private String region;
        private String version;
        private String replayName;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder detailType(String detailType) {
            this.detailType = detailType;
            return this;
        }

        public Builder detail(JsonNode detail) {
            this.detail = detail;
            return this;
        }

        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        public Builder resources(List<String> resources) {
            this.resources = resources;
            return this;
        }

        public Builder account(String account) {
            this.account = account;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder replayName(String replayName) {
            this.replayName = replayName;
            return this;
        }

        public EventBridgeEvent build() {
            return new EventBridgeEvent(id, source, detailType, detail, time, resources, account, region, version,
                    replayName);
        }
    }
}
