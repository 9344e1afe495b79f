package io.nagare.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Validates events against the registry: a CloudEvent 1.0 (JSON structured mode) or an EventBridge event, its
 * envelope and its payload, against the schema version the event names (CloudEvents {@code dataschema}, or
 * {@code detail._cloudevents.dataschema} on EventBridge) or else the latest. Formats are asserted, including
 * {@code date-time} and the custom {@code iso-4217}. Thread-safe; schemas are compiled once, on first use.
 */
public final class EventValidator {

    private final SchemaRegistry registry;
    private final CompiledSchemas schemas = new CompiledSchemas();

    public EventValidator(SchemaRegistry registry) {
        this.registry = registry;
    }

    /** Validates a whole event document; the errors' pointers are of the document, e.g. {@code /data/total}. */
    public EventValidation validate(JsonNode document) {
        if (!document.isObject()) {
            return new EventValidation(null, List.of(new ValidationError("", null, "type", null,
                    "expected a CloudEvent or an EventBridge event (a JSON object), got " + document.getNodeType()
                            .name().toLowerCase(Locale.ROOT))));
        }
        Optional<EnvelopeFormat> format = EnvelopeFormat.of(document);
        if (format.isEmpty()) {
            return new EventValidation(null, List.of(new ValidationError("", null, "required", null,
                    "expected a CloudEvent (attribute specversion) or an EventBridge event (field detail-type); "
                            + "found neither")));
        }
        EnvelopeFormat envelope = format.get();
        List<ValidationError> errors = new ArrayList<>();
        for (ValidationError error : schemas.validate(envelope.schemaName(), envelope.schema(), document)) {
            errors.add(new ValidationError(error.pointer(), null, error.keyword(), error.property(), error.message()));
        }
        errors.addAll(envelope.payloadErrors(document));
        EventSchemaVersion version = resolve(envelope, document, errors);
        Optional<JsonNode> payload = envelope.payload(document);
        if (version != null && payload.isPresent()) {
            String prefix = envelope.payloadPointer();
            for (ValidationError error : schemas.validate(version.label(), version.schema(), payload.get())) {
                errors.add(new ValidationError(prefix + error.pointer(), error.payloadPointer(), error.keyword(),
                        error.property(), error.message()));
            }
        }
        return new EventValidation(version, DocumentOrder.sort(document, errors));
    }

    /** Validates a payload alone ({@code data} / {@code detail}); both pointers of each error are the payload's. */
    public List<ValidationError> validatePayload(EventSchemaVersion version, JsonNode payload) {
        return DocumentOrder.sort(payload, schemas.validate(version.label(), version.schema(), payload));
    }

    /** The version the event names, or the latest; null (with an error added) when it cannot be told. */
    private EventSchemaVersion resolve(EnvelopeFormat envelope, JsonNode document, List<ValidationError> errors) {
        JsonNode type = document.at(envelope.typePointer());
        if (!type.isTextual() || type.asText().isEmpty()) {
            // The envelope's schema has reported it.
            return null;
        }
        Optional<EventType> eventType = registry.eventType(type.asText());
        if (eventType.isEmpty()) {
            errors.add(new ValidationError(envelope.typePointer(), null, "enum", null,
                    "unknown event type \"" + type.asText() + "\"; known types: " + registry.eventTypes().stream()
                            .map(EventType::detailType).collect(Collectors.joining(", "))));
            return null;
        }
        JsonNode dataschema = document.at(envelope.dataschemaPointer());
        if (dataschema.isMissingNode()) {
            return eventType.get().latest();
        }
        if (!dataschema.isTextual() || dataschema.asText().isEmpty()) {
            return null;
        }
        List<EventSchemaVersion> versions = eventType.get().versions();
        for (EventSchemaVersion version : versions) {
            if (version.id().equals(dataschema.asText())) {
                return version;
            }
        }
        errors.add(new ValidationError(envelope.dataschemaPointer(), null, "enum", null,
                "unknown dataschema \"" + dataschema.asText() + "\" for " + type.asText() + "; known: "
                        + versions.stream().map(v -> v.id() + " (v" + v.version() + ")")
                        .collect(Collectors.joining(", "))));
        return null;
    }
}
