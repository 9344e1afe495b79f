package io.nagare.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.schemas.SchemaJson;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

class EventPublisherTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.fromClasspath();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:15:00Z"), ZoneOffset.UTC);

    private final RecordingEventBridge eventBridge = new RecordingEventBridge();
    private final EventPublisher publisher = new EventPublisher(eventBridge, "nagare", REGISTRY, CLOCK);

    @Test
    void publish_shouldPutTheEventOnTheBusWithTheRegisteredSourceAndTheCloudEventId() throws Exception {
        publisher.publish("o-1:PaymentCaptured", "PaymentCaptured", captured("o-1"));

        PutEventsRequestEntry entry = eventBridge.requests.get(0).entries().get(0);
        assertThat(entry.eventBusName()).isEqualTo("nagare");
        assertThat(entry.source()).isEqualTo("nagare.payments");
        assertThat(entry.detailType()).isEqualTo("PaymentCaptured");
        JsonNode detail = SchemaJson.mapper().readTree(entry.detail());
        assertThat(detail.get("amount").decimalValue()).isEqualByComparingTo("39.80");
        assertThat(detail.at("/_cloudevents/id").asText()).isEqualTo("o-1:PaymentCaptured");
        assertThat(detail.at("/_cloudevents/dataschema").asText())
                .isEqualTo("https://schemas.nagare.io/events/PaymentCaptured/v1");
        assertThat(entry.time()).isEqualTo(Instant.parse("2026-11-28T09:15:00Z"));
    }

    @Test
    void publish_shouldSendNothingAndNameEveryError_whenAnEventDoesNotMatchItsSchema() {
        ObjectNode wrong = captured("o-2");
        wrong.put("amount", "ten");
        wrong.remove("currency");

        assertThatThrownBy(() -> publisher.publish(List.of(
                new EventPublisher.DomainEvent("o-1:PaymentCaptured", "PaymentCaptured", captured("o-1")),
                new EventPublisher.DomainEvent("o-2:PaymentCaptured", "PaymentCaptured", wrong))))
                .isInstanceOf(EventPublishException.class)
                .hasMessageContaining("cannot publish PaymentCaptured v1 'o-2:PaymentCaptured'")
                .hasMessageContaining("/amount: type")
                .hasMessageContaining("currency");
        assertThat(eventBridge.requests).isEmpty();
    }

    @Test
    void publish_shouldRefuseAnUnknownType() {
        assertThatThrownBy(() -> publisher.publish("x", "OrderTeleported", captured("o-1")))
                .isInstanceOf(EventPublishException.class)
                .hasMessageContaining("OrderTeleported 'x': unknown event type; known types: ");
    }

    @Test
    void publish_shouldSendTenEntriesPerRequest() {
        List<EventPublisher.DomainEvent> events = IntStream.range(0, 12)
                .mapToObj(i -> new EventPublisher.DomainEvent("o-" + i + ":PaymentCaptured", "PaymentCaptured",
                        captured("o-" + i)))
                .toList();

        publisher.publish(events);

        assertThat(eventBridge.requests).extracting(r -> r.entries().size()).containsExactly(10, 2);
    }

    @Test
    void publish_shouldFailNamingTheRefusedEntry_whenEventBridgeRefusesOne() {
        eventBridge.refuseWith = "ThrottlingException";

        assertThatThrownBy(() -> publisher.publish("o-1:PaymentCaptured", "PaymentCaptured", captured("o-1")))
                .isInstanceOf(EventPublishException.class)
                .hasMessage("EventBridge refused 1 of 1 events: PaymentCaptured 'o-1:PaymentCaptured': "
                        + "ThrottlingException Rate exceeded");
    }

    private static ObjectNode captured(String orderId) {
        ObjectNode detail = SchemaJson.mapper().createObjectNode();
        detail.put("orderId", orderId);
        detail.put("paymentId", "pay-" + orderId);
        detail.put("amount", new java.math.BigDecimal("39.80"));
        detail.put("currency", "EUR");
        detail.put("capturedAt", "2026-11-28T09:15:00Z");
        return detail;
    }

    private static final class RecordingEventBridge implements EventBridgeClient {
        final List<PutEventsRequest> requests = new ArrayList<>();
        String refuseWith;

        @Override
        public PutEventsResponse putEvents(PutEventsRequest request) {
            requests.add(request);
            List<PutEventsResultEntry> results = request.entries().stream()
                    .map(e -> refuseWith == null ? PutEventsResultEntry.builder().eventId("id").build()
                            : PutEventsResultEntry.builder().errorCode(refuseWith).errorMessage("Rate exceeded").build())
                    .toList();
            return PutEventsResponse.builder().entries(results)
                    .failedEntryCount(refuseWith == null ? 0 : results.size()).build();
        }

        @Override
        public String serviceName() {
            return "events";
        }

        @Override
        public void close() {
        }
    }
}
