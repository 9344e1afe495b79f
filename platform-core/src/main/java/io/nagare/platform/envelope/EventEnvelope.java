package io.nagare.platform.envelope;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.rw.CloudEventRWException;
import io.nagare.schemas.SchemaJson;

/**
 * The lossless mapping between CloudEvents 1.0 and EventBridge events (see {@code docs/envelope.md}).
 *
 * <p>{@code type} is the {@code detail-type}; {@code id}, {@code source} and {@code time} map directly; the JSON
 * {@code data} is the {@code detail}. CloudEvents attributes EventBridge has no field for travel in the reserved
 * member {@code detail._cloudevents}; EventBridge fields CloudEvents has no attribute for travel as the
 * {@code aws*} extensions below. Mapping one way and back gives an equal event: same attributes, same extensions
 * with the same types, data equal as JSON.
 */
public final class EventEnvelope {

    /** The member of {@code detail} that carries CloudEvents attributes; payload schemas never see it. */
    public static final String RESERVED_MEMBER = "_cloudevents";

    /** EventBridge's own event id, when it differs from the CloudEvent id (events that went through PutEvents). */
    public static final String EVENT_ID_EXTENSION = "awseventid";
    /** EventBridge {@code resources}, as compact JSON array text, e.g. {@code ["arn:aws:..."]}. */
    public static final String RESOURCES_EXTENSION = "awsresources";
    /** EventBridge {@code account}. */
    public static final String ACCOUNT_EXTENSION = "awsaccount";
    /** EventBridge {@code region}. */
    public static final String REGION_EXTENSION = "awsregion";
    /** EventBridge {@code version}, the event structure version. */
    public static final String VERSION_EXTENSION = "awseventversion";
    /** EventBridge {@code replay-name}, on events re-sent from an archive. */
    public static final String REPLAY_NAME_EXTENSION = "awsreplayname";

    private static final Set<String> AWS_EXTENSIONS = Set.of(EVENT_ID_EXTENSION, RESOURCES_EXTENSION,
            ACCOUNT_EXTENSION, REGION_EXTENSION, VERSION_EXTENSION, REPLAY_NAME_EXTENSION);

    private EventEnvelope() {
    }

    /**
     * The EventBridge event for a CloudEvent.
     *
     * @throws EnvelopeException when the data is not a JSON object ({@code not supported: ...}), or an {@code aws*}
     *                           extension does not hold what its EventBridge field takes
     */
    public static EventBridgeEvent toEventBridge(CloudEvent event) {
        return map(event, false);
    }

    /**
     * The PutEvents entry that publishes a CloudEvent to {@code eventBusName} (null: the default bus). PutEvents
     * has no id member and EventBridge assigns its own, so the CloudEvent id always travels in
     * {@code _cloudevents.id}; the consumer gets it back as the CloudEvent id, with EventBridge's id as
     * {@value #EVENT_ID_EXTENSION}. EventBridge stamps id, account, region and version itself, so the
     * corresponding extensions of {@code event} are not sent; {@code replay-name} is EventBridge's too.
     */
    public static PutEventsEntry toPutEventsEntry(CloudEvent event, String eventBusName) {
        EventBridgeEvent mapped = map(event, true);
        String detail;
        try {
            detail = SchemaJson.mapper().writeValueAsString(mapped.detail());
        } catch (JsonProcessingException e) {
            throw new EnvelopeException("CloudEvent '" + event.getId() + "': cannot write its data as JSON: "
                    + e.getOriginalMessage(), e);
        }
        return new PutEventsEntry(mapped.source(), mapped.detailType(), detail, mapped.resources(), mapped.time(),
                eventBusName);
    }

    /**
     * The CloudEvent for an EventBridge event. Its data is {@code detail} without {@code _cloudevents}, as
     * {@link JsonCloudEventData}.
     *
     * @throws EnvelopeException when {@code _cloudevents} is malformed, naming the member
     */
    public static CloudEvent toCloudEvent(EventBridgeEvent event) {
        ObjectNode detail = (ObjectNode) event.detail();
        CarriedAttributes carried = CarriedAttributes.read(detail.remove(RESERVED_MEMBER), event.id());

        CloudEventBuilder builder = CloudEventBuilder.fromSpecVersion(specVersion(carried.specVersion, event.id()));
        builder.withId(carried.id == null ? event.id() : carried.id);
        builder.withSource(sourceUri(event));
        builder.withType(event.detailType());
        builder.withTime(time(event, carried.time));
        if (carried.noData) {
            if (!detail.isEmpty()) {
                throw CarriedAttributes.invalid(event.id(), "." + CarriedAttributes.NODATA,
                        "says the CloudEvent has no data, but detail has members " + fieldNames(detail));
            }
        } else {
            builder.withData(JsonCloudEventData.wrap(detail));
        }
        if (carried.dataContentType != null) {
            builder.withDataContentType(carried.dataContentType);
        }
        if (carried.dataSchema != null) {
            builder.withDataSchema(carried.dataSchema);
        }
        if (carried.subject != null) {
            builder.withSubject(carried.subject);
        }
        try {
            for (var extension : carried.extensions.entrySet()) {
                if (AWS_EXTENSIONS.contains(extension.getKey())) {
                    throw CarriedAttributes.invalid(event.id(), "." + CarriedAttributes.EXTENSIONS + "."
                            + extension.getKey(), "is reserved: EventBridge carries it in its own field");
                }
                withExtension(builder, extension.getKey(), extension.getValue());
            }
            if (carried.id != null) {
                builder.withExtension(EVENT_ID_EXTENSION, event.id());
            }
            if (event.resources() != null) {
                builder.withExtension(RESOURCES_EXTENSION, resourcesText(event.resources()));
            }
            withOptionalExtension(builder, ACCOUNT_EXTENSION, event.account());
            withOptionalExtension(builder, REGION_EXTENSION, event.region());
            withOptionalExtension(builder, VERSION_EXTENSION, event.version());
            withOptionalExtension(builder, REPLAY_NAME_EXTENSION, event.replayName());
            return builder.build();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new EnvelopeException("EventBridge event '" + event.id() + "' is not a valid CloudEvent: "
                    + e.getMessage(), e);
        }
    }

    private static EventBridgeEvent map(CloudEvent event, boolean forPutEvents) {
        String id = event.getId();
        CarriedAttributes carried = new CarriedAttributes();
        if (event.getSpecVersion() != SpecVersion.V1) {
            carried.specVersion = event.getSpecVersion().toString();
        }
        String eventBridgeId = awsText(event, EVENT_ID_EXTENSION, "id");
        if (forPutEvents || eventBridgeId != null) {
            carried.id = id;
        }
        Instant time = null;
        if (event.getTime() != null) {
            time = event.getTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
            // EventBridge keeps whole seconds in UTC; anything finer or another offset travels exactly.
            if (!event.getTime().equals(time.atOffset(ZoneOffset.UTC))) {
                carried.time = event.getTime();
            }
        }
        carried.dataContentType = event.getDataContentType();
        carried.dataSchema = event.getDataSchema();
        carried.subject = event.getSubject();
        ObjectNode detail = payload(event);
        carried.noData = detail == null;
        for (String name : new TreeSet<>(event.getExtensionNames())) {
            if (!AWS_EXTENSIONS.contains(name)) {
                carried.extensions.put(name, event.getExtension(name));
            }
        }
        if (detail == null) {
            detail = SchemaJson.mapper().createObjectNode();
        }
        if (!carried.isEmpty()) {
            detail.set(RESERVED_MEMBER, carried.toJson(id));
        }
        EventBridgeEvent.Builder mapped = EventBridgeEvent.builder()
                .id(eventBridgeId == null ? id : eventBridgeId)
                .source(event.getSource().toString())
                .detailType(event.getType())
                .detail(detail)
                .time(time)
                .resources(resources(event));
        if (!forPutEvents) {
            mapped.account(awsText(event, ACCOUNT_EXTENSION, "account"))
                    .region(awsText(event, REGION_EXTENSION, "region"))
                    .version(awsText(event, VERSION_EXTENSION, "version"))
                    .replayName(awsText(event, REPLAY_NAME_EXTENSION, "replay-name"));
        }
        return mapped.build();
    }

    /** The data as a JSON object, or null when the event has none. */
    private static ObjectNode payload(CloudEvent event) {
        CloudEventData data = event.getData();
        if (data == null) {
            return null;
        }
        String contentType = event.getDataContentType();
        if (contentType != null && !isJson(contentType)) {
            throw new EnvelopeException("not supported: CloudEvent '" + event.getId() + "' has data of content type '"
                    + contentType + "'; EventBridge detail is JSON, so the data must be JSON (application/json or"
                    + " a +json media type)");
        }
        JsonNode json;
        if (data instanceof JsonCloudEventData jsonData) {
            json = jsonData.getNode();
        } else {
            try {
                json = SchemaJson.mapper().readTree(data.toBytes());
            } catch (IOException e) {
                throw new EnvelopeException("not supported: CloudEvent '" + event.getId() + "' has data that is not"
                        + " JSON (" + (e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage())
                        + "); EventBridge detail is JSON", e);
            }
        }
        if (json == null || !json.isObject()) {
            throw new EnvelopeException("not supported: CloudEvent '" + event.getId() + "' has data that is "
                    + (json == null ? "empty" : "a JSON " + json.getNodeType().toString().toLowerCase(Locale.ROOT))
                    + "; EventBridge detail is a JSON object, so the data must be one");
        }
        if (json.has(RESERVED_MEMBER)) {
            throw new EnvelopeException("CloudEvent '" + event.getId() + "': data must not contain the member '"
                    + RESERVED_MEMBER + "', which carries CloudEvents attributes on EventBridge");
        }
        return (ObjectNode) json.deepCopy();
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.equals("text/json") || mediaType.endsWith("+json");
    }

    private static String awsText(CloudEvent event, String extension, String field) {
        Object value = event.getExtension(extension);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new EnvelopeException("CloudEvent '" + event.getId() + "': extension '" + extension
                + "' must be a String (it is EventBridge '" + field + "'); got " + value.getClass().getSimpleName()
                + " " + value);
    }

    private static List<String> resources(CloudEvent event) {
        String text = awsText(event, RESOURCES_EXTENSION, "resources");
        if (text == null) {
            return null;
        }
        List<String> resources = new ArrayList<>();
        try {
            JsonNode json = SchemaJson.mapper().readTree(text);
            if (json != null && json.isArray()) {
                for (JsonNode element : json) {
                    if (!element.isTextual()) {
                        resources = null;
                        break;
                    }
                    resources.add(element.asText());
                }
            } else {
                resources = null;
            }
        } catch (IOException e) {
            resources = null;
        }
        // Only the compact form maps back to the same text, so only it is accepted.
        if (resources == null || !resourcesText(resources).equals(text)) {
            throw new EnvelopeException("CloudEvent '" + event.getId() + "': extension '" + RESOURCES_EXTENSION
                    + "' must be a compact JSON array of strings (EventBridge 'resources'), e.g."
                    + " [\"arn:aws:sqs:ap-northeast-1:123456789012:orders\"]; got '" + text + "'");
        }
        return resources;
    }

    private static String resourcesText(List<String> resources) {
        try {
            return SchemaJson.mapper().writeValueAsString(resources);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serializes", e);
        }
    }

    private static SpecVersion specVersion(String text, String eventId) {
        if (text == null) {
            return SpecVersion.V1;
        }
        try {
            return SpecVersion.parse(text);
        } catch (CloudEventRWException e) {
            throw CarriedAttributes.invalid(eventId, "." + CarriedAttributes.SPECVERSION,
                    "names an unknown CloudEvents version '" + text + "'; known: 1.0, 0.3");
        }
    }

    private static URI sourceUri(EventBridgeEvent event) {
        try {
            return new URI(event.source());
        } catch (URISyntaxException e) {
            throw new EnvelopeException("EventBridge event '" + event.id() + "': source '" + event.source()
                    + "' is not a URI reference, which the CloudEvents source must be: " + e.getReason());
        }
    }

    private static OffsetDateTime time(EventBridgeEvent event, OffsetDateTime carried) {
        if (carried == null) {
            return event.time() == null ? null : event.time().atOffset(ZoneOffset.UTC);
        }
        // The carried time is the exact one; it must still be the event's time, or the two were edited apart.
        if (!carried.toInstant().truncatedTo(ChronoUnit.SECONDS).equals(event.time())) {
            throw CarriedAttributes.invalid(event.id(), "." + CarriedAttributes.TIME, "'"
                    + CarriedAttributes.formatTime(carried) + "' is not within the second of the event's time ("
                    + (event.time() == null ? "none" : event.time()) + ")");
        }
        return carried;
    }

    private static void withExtension(CloudEventBuilder builder, String name, Object value) {
        if (value instanceof String text) {
            builder.withExtension(name, text);
        } else if (value instanceof Integer number) {
            builder.withExtension(name, number);
        } else if (value instanceof Boolean flag) {
            builder.withExtension(name, flag);
        } else if (value instanceof URI uri) {
            builder.withExtension(name, uri);
        } else if (value instanceof OffsetDateTime timestamp) {
            builder.withExtension(name, timestamp);
        } else {
            builder.withExtension(name, (byte[]) value);
        }
    }

    private static void withOptionalExtension(CloudEventBuilder builder, String name, String value) {
        if (value != null) {
            builder.withExtension(name, value);
        }
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
