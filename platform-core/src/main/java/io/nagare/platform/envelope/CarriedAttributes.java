package io.nagare.platform.envelope;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.schemas.SchemaJson;

/**
 * The content of {@code detail._cloudevents}: the CloudEvents attributes an EventBridge event has no field for.
 * Every member is optional and written only when it carries something, so an event that needs none has no
 * {@code _cloudevents} at all. Extension values keep their CloudEvents type: String, Integer and Boolean as the JSON
 * value itself, URI, Timestamp and Binary as a one-member object naming the type.
 */
final class CarriedAttributes {

    static final String SPECVERSION = "specversion";
    static final String ID = "id";
    static final String TIME = "time";
    static final String DATACONTENTTYPE = "datacontenttype";
    static final String DATASCHEMA = "dataschema";
    static final String SUBJECT = "subject";
    static final String NODATA = "nodata";
    static final String EXTENSIONS = "extensions";
    private static final List<String> MEMBERS = List.of(SPECVERSION, ID, TIME, DATACONTENTTYPE, DATASCHEMA, SUBJECT,
            NODATA, EXTENSIONS);

    static final String URI_TYPE = "uri";
    static final String TIMESTAMP_TYPE = "timestamp";
    static final String BINARY_TYPE = "binary";

    String specVersion;
    String id;
    OffsetDateTime time;
    String dataContentType;
    URI dataSchema;
    String subject;
    boolean noData;
    final Map<String, Object> extensions = new LinkedHashMap<>();

    boolean isEmpty() {
        return specVersion == null && id == null && time == null && dataContentType == null && dataSchema == null
                && subject == null && !noData && extensions.isEmpty();
    }

    ObjectNode toJson(String eventId) {
        ObjectNode json = SchemaJson.mapper().createObjectNode();
        putIfPresent(json, SPECVERSION, specVersion);
        putIfPresent(json, ID, id);
        putIfPresent(json, TIME, time == null ? null : formatTime(time));
        putIfPresent(json, DATACONTENTTYPE, dataContentType);
        putIfPresent(json, DATASCHEMA, dataSchema == null ? null : dataSchema.toString());
        putIfPresent(json, SUBJECT, subject);
        if (noData) {
            json.put(NODATA, true);
        }
        if (!extensions.isEmpty()) {
            ObjectNode values = json.putObject(EXTENSIONS);
            extensions.forEach((name, value) -> values.set(name, encode(eventId, name, value)));
        }
        return json;
    }

    /** Reads {@code _cloudevents} of the EventBridge event {@code eventId}; null reads as empty. */
    static CarriedAttributes read(JsonNode json, String eventId) {
        CarriedAttributes carried = new CarriedAttributes();
        if (json == null) {
            return carried;
        }
        if (!json.isObject()) {
            throw invalid(eventId, "", "must be an object; got " + json);
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw invalid(eventId, "", "unknown member '" + name + "'; known members: " + MEMBERS);
            }
        }
        carried.specVersion = text(json, SPECVERSION, eventId);
        carried.id = text(json, ID, eventId);
        String time = text(json, TIME, eventId);
        carried.time = time == null ? null : parseTime(time, eventId, "." + TIME);
        carried.dataContentType = text(json, DATACONTENTTYPE, eventId);
        String dataSchema = text(json, DATASCHEMA, eventId);
        carried.dataSchema = dataSchema == null ? null : parseUri(dataSchema, eventId, "." + DATASCHEMA);
        carried.subject = text(json, SUBJECT, eventId);
        JsonNode noData = json.get(NODATA);
        if (noData != null && !(noData.isBoolean() && noData.booleanValue())) {
            throw invalid(eventId, "." + NODATA, "must be true when present; got " + noData);
        }
        carried.noData = noData != null;
        JsonNode extensions = json.get(EXTENSIONS);
        if (extensions != null) {
            if (!extensions.isObject()) {
                throw invalid(eventId, "." + EXTENSIONS, "must be an object; got " + extensions);
            }
            extensions.properties().forEach(entry -> carried.extensions.put(entry.getKey(),
                    decode(eventId, entry.getKey(), entry.getValue())));
        }
        return carried;
    }

    /** RFC 3339 with the offset and every fraction digit the value has, so it parses back to an equal value. */
    static String formatTime(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    private static OffsetDateTime parseTime(String text, String eventId, String member) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw invalid(eventId, member, "must be an RFC 3339 timestamp; got '" + text + "'");
        }
    }

    private static URI parseUri(String text, String eventId, String member) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(eventId, member, "must be a URI reference; got '" + text + "': " + e.getReason());
        }
    }

    private static JsonNode encode(String eventId, String name, Object value) {
        ObjectNode typed = SchemaJson.mapper().createObjectNode();
        if (value instanceof String text) {
            return typed.textNode(text);
        } else if (value instanceof Integer number) {
            return typed.numberNode(number);
        } else if (value instanceof Boolean flag) {
            return typed.booleanNode(flag);
        } else if (value instanceof URI uri) {
            return typed.put(URI_TYPE, uri.toString());
        } else if (value instanceof OffsetDateTime timestamp) {
            return typed.put(TIMESTAMP_TYPE, formatTime(timestamp));
        } else if (value instanceof byte[] bytes) {
            return typed.put(BINARY_TYPE, Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof Number) {
            throw new EnvelopeException("not supported: CloudEvent '" + eventId + "' extension '" + name + "' is a "
                    + value.getClass().getSimpleName() + "; a CloudEvents Integer is 32-bit (java.lang.Integer),"
                    + " send larger or fractional numbers as a String");
        }
        throw new EnvelopeException("not supported: CloudEvent '" + eventId + "' extension '" + name + "' of type "
                + value.getClass().getName() + "; CloudEvents extensions are String, Integer, Boolean, URI,"
                + " Timestamp (OffsetDateTime) or Binary (byte[])");
    }

    private static Object decode(String eventId, String name, JsonNode value) {
        String member = "." + EXTENSIONS + "." + name;
        if (value.isTextual()) {
            return value.asText();
        } else if (value.isInt()) {
            return value.intValue();
        } else if (value.isBoolean()) {
            return value.booleanValue();
        } else if (value.isObject() && value.size() == 1) {
            String type = value.fieldNames().next();
            JsonNode text = value.get(type);
            if (text.isTextual()) {
                switch (type) {
                    case URI_TYPE:
                        return parseUri(text.asText(), eventId, member + "." + URI_TYPE);
                    case TIMESTAMP_TYPE:
                        return parseTime(text.asText(), eventId, member + "." + TIMESTAMP_TYPE);
                    case BINARY_TYPE:
                        try {
                            return Base64.getDecoder().decode(text.asText());
                        } catch (IllegalArgumentException e) {
                            throw invalid(eventId, member + "." + BINARY_TYPE, "must be base64; " + e.getMessage());
                        }
                    default:
                        break;
                }
            }
        }
        throw invalid(eventId, member, "must be a string, a 32-bit integer, a boolean, or one of {\"uri\": text},"
                + " {\"timestamp\": text}, {\"binary\": base64 text}; got " + value);
    }

    private static String text(JsonNode json, String member, String eventId) {
        JsonNode value = json.get(member);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(eventId, "." + member, "must be a string; got " + value);
        }
        return value.asText();
    }

    private static void putIfPresent(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    static EnvelopeException invalid(String eventId, String member, String problem) {
        return new EnvelopeException("EventBridge event '" + eventId + "': detail." + EventEnvelope.RESERVED_MEMBER
                + member + " " + problem);
    }
}
