package io.nagare.platform.events;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.nagare.platform.envelope.EventEnvelope;
import io.nagare.platform.envelope.PutEventsEntry;
import io.nagare.schemas.EventSchemaVersion;
import io.nagare.schemas.EventType;
import io.nagare.schemas.EventValidator;
import io.nagare.schemas.SchemaRegistry;
import io.nagare.schemas.ValidationError;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes a domain's events to an EventBridge bus as CloudEvents (docs/envelope.md), each validated against the
 * latest version of its schema first, so nothing invalid reaches the bus. The source is the one the registry
 * declares for the type; the caller gives the CloudEvent id, derived from what the event is about (e.g.
 * {@code <orderId>:PaymentCaptured}), so a retried step publishes the same id and consumers can drop the duplicate.
 *
 * <p>Build one per handler, in its constructor. Thread-safe.
 */
public final class EventPublisher {

    /** PutEvents takes at most 10 entries per request. */
    static final int MAX_ENTRIES_PER_REQUEST = 10;

    private final EventBridgeClient eventBridge;
    private final String busName;
    private final SchemaRegistry registry;
    private final EventValidator validator;
    private final Clock clock;

    public EventPublisher(EventBridgeClient eventBridge, String busName, SchemaRegistry registry, Clock clock) {
        this.eventBridge = Objects.requireNonNull(eventBridge, "eventBridge");
        this.busName = Objects.requireNonNull(busName, "busName");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.validator = new EventValidator(registry);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A publisher checking events against the schema registry packed on the classpath, on the system clock. */
    public static EventPublisher create(EventBridgeClient eventBridge, String busName) {
        return new EventPublisher(eventBridge, busName, SchemaRegistry.fromClasspath(), Clock.systemUTC());
    }

    /** Publishes one event; see {@link #publish(List)}. */
    public void publish(String id, String detailType, JsonNode detail) {
        publish(List.of(new DomainEvent(id, detailType, detail)));
    }

    /**
     * Publishes the events, ten per PutEvents request. Every event is validated before any is sent.
     *
     * @throws EventPublishException when an event does not match its schema (nothing is sent), or EventBridge
     *                               refuses an entry (the message names its ErrorCode; entries before it may have
     *                               been published, so publish again with the same ids)
     */
    public void publish(List<DomainEvent> events) {
        List<PutEventsRequestEntry> entries = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            entries.add(entry(event));
        }
        for (int from = 0; from < entries.size(); from += MAX_ENTRIES_PER_REQUEST) {
            List<PutEventsRequestEntry> batch = entries.subList(from, Math.min(entries.size(), from + MAX_ENTRIES_PER_REQUEST));
            PutEventsResponse response = eventBridge.putEvents(PutEventsRequest.builder().entries(batch).build());
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                throw new EventPublishException(refusals(events.subList(from, from + batch.size()), response.entries()));
            }
        }
    }

    private PutEventsRequestEntry entry(DomainEvent event) {
        EventType type = registry.eventType(event.detailType()).orElseThrow(() -> new EventPublishException(
                "cannot publish " + event.detailType() + " '" + event.id() + "': unknown event type; known types: "
                        + registry.eventTypes().stream().map(EventType::detailType).collect(Collectors.joining(", "))));
        EventSchemaVersion version = type.latest();
        List<ValidationError> errors = validator.validatePayload(version, event.detail());
        if (!errors.isEmpty()) {
            throw new EventPublishException("cannot publish " + version.label() + " '" + event.id()
                    + "': it does not match its schema: " + errors.stream().map(ValidationError::toString)
                    .collect(Collectors.joining("; ")));
        }
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(URI.create(type.source()))
                .withType(type.detailType())
                .withTime(clock.instant().atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create(version.id()))
                .withDataContentType("application/json")
                .withData(JsonCloudEventData.wrap(event.detail()))
                .build();
        PutEventsEntry entry = EventEnvelope.toPutEventsEntry(cloudEvent, busName);
        return PutEventsRequestEntry.builder()
                .source(entry.source())
                .detailType(entry.detailType())
                .detail(entry.detail())
                .resources(entry.resources())
                .time(entry.time())
                .eventBusName(entry.eventBusName())
                .build();
    }

    private static String refusals(List<DomainEvent> sent, List<PutEventsResultEntry> results) {
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < results.size() && i < sent.size(); i++) {
            PutEventsResultEntry result = results.get(i);
            if (result.errorCode() != null) {
                refused.add(sent.get(i).detailType() + " '" + sent.get(i).id() + "': " + result.errorCode() + " "
                        + result.errorMessage());
            }
        }
        return "EventBridge refused " + refused.size() + " of " + sent.size() + " events: " + String.join("; ", refused);
    }

    /** One event to publish: its CloudEvent id, its type (the EventBridge detail-type) and its payload. */
    public record DomainEvent(String id, String detailType, JsonNode detail) {
        public DomainEvent {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(detailType, "detailType");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
