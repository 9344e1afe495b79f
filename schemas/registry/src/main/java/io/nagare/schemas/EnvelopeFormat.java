package io.nagare.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The two envelopes an event arrives in, and where each keeps the event's type, schema version and payload.
 * Each envelope's own fields are described by a JSON Schema packed with this class, so its errors read like
 * payload errors.
 */
enum EnvelopeFormat {

    /** CloudEvents 1.0 in JSON structured mode: {@code type}, {@code dataschema}, payload in {@code data}. */
    CLOUDEVENTS("cloudevents-1.0", "/type", "/dataschema", "/data"),

    /**
     * An EventBridge event: {@code detail-type}, payload in {@code detail}. EventBridge has no field for a
     * CloudEvent's {@code dataschema}; the envelope carries it (and the other such attributes) in the reserved
     * {@code detail._cloudevents}, which is therefore not part of the payload.
     */
    EVENTBRIDGE("eventbridge-event", "/detail-type", "/detail/_cloudevents/dataschema", "/detail");

    private static final String RESERVED_MEMBER = "_cloudevents";

    private final String schemaName;
    private final JsonNode schema;
    private final String typePointer;
    private final String dataschemaPointer;
    private final String payloadPointer;

    EnvelopeFormat(String schemaName, String typePointer, String dataschemaPointer, String payloadPointer) {
        this.schemaName = schemaName;
        this.schema = readSchema(schemaName);
        this.typePointer = typePointer;
        this.dataschemaPointer = dataschemaPointer;
        this.payloadPointer = payloadPointer;
    }

    /** The envelope of {@code document}: a CloudEvent has {@code specversion}, an EventBridge event {@code detail-type}. */
    static Optional<EnvelopeFormat> of(JsonNode document) {
        if (document.has("specversion")) {
            return Optional.of(CLOUDEVENTS);
        }
        if (document.has("detail-type")) {
            return Optional.of(EVENTBRIDGE);
        }
        return Optional.empty();
    }

    String schemaName() {
        return schemaName;
    }

    JsonNode schema() {
        return schema;
    }

    String typePointer() {
        return typePointer;
    }

    String dataschemaPointer() {
        return dataschemaPointer;
    }

    String payloadPointer() {
        return payloadPointer;
    }

    /** Payload problems the envelope's schema cannot express: binary CloudEvents data, missing data. */
    List<ValidationError> payloadErrors(JsonNode document) {
        List<ValidationError> errors = new ArrayList<>();
        if (this == CLOUDEVENTS && document.has("data_base64")) {
            errors.add(new ValidationError("/data_base64", null, "unsupported",
                    null, "not supported: binary data (data_base64); send the payload as JSON in data"));
        } else if (this == CLOUDEVENTS && !document.has("data")) {
            errors.add(new ValidationError("", null, "required", "data",
                    "missing required attribute 'data' (the event's payload)"));
        }
        return errors;
    }

    /** The payload to check against the event type's schema, or empty when there is none to check. */
    Optional<JsonNode> payload(JsonNode document) {
        JsonNode payload = document.at(payloadPointer);
        if (this == CLOUDEVENTS) {
            return payload.isMissingNode() ? Optional.empty() : Optional.of(payload);
        }
        if (!payload.isObject()) {
            // The envelope's schema already says detail must be an object.
            return Optional.empty();
        }
        ObjectNode withoutReserved = ((ObjectNode) payload).deepCopy();
        withoutReserved.remove(RESERVED_MEMBER);
        return Optional.of(withoutReserved);
    }

    private static JsonNode readSchema(String name) {
        String resource = "envelope/" + name + ".schema.json";
        try (InputStream in = EnvelopeFormat.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + EnvelopeFormat.class);
            }
            return SchemaJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
