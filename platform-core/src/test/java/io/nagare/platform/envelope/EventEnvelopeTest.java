package io.nagare.platform.envelope;

import static io.nagare.platform.envelope.CloudEvents.assertSameEvent;
import static io.nagare.platform.envelope.CloudEvents.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.nagare.schemas.SchemaJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventEnvelopeTest {

    private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-11-28T09:15:00Z");

    static Stream<JsonNode> mappings() {
        List<JsonNode> cases = SchemaJson.mapper().convertValue(fixture("mappings.json"),
                SchemaJson.mapper().getTypeFactory().constructCollectionType(List.class, JsonNode.class));
        return cases.stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("mappings")
    void toEventBridge_shouldGiveTheDocumentedEvent_whenGivenEachGoldenCloudEvent(JsonNode mapping) {
        CloudEvent cloudEvent = CloudEvents.parse(mapping.get("cloudEvent"));

        EventBridgeEvent eventBridge = EventEnvelope.toEventBridge(cloudEvent);

        assertThat(eventBridge.toJson()).isEqualTo(mapping.get("eventBridge"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("mappings")
    void toCloudEvent_shouldGiveTheDocumentedCloudEvent_whenGivenEachGoldenEventBridgeEvent(JsonNode mapping) {
        EventBridgeEvent eventBridge = EventBridgeEvent.fromJson(mapping.get("eventBridge"));

        CloudEvent cloudEvent = EventEnvelope.toCloudEvent(eventBridge);

        assertSameEvent(cloudEvent, CloudEvents.parse(mapping.get("cloudEvent")));
    }

    @Test
    void toCloudEvent_shouldRoundTripToTheSameEvent_whenTheEventComesFromAnotherProducerWithoutCloudEventsMember() {
        EventBridgeEvent delivered = EventBridgeEvent.fromJson(fixture("delivered-without-cloudevents.json"));

        CloudEvent cloudEvent = EventEnvelope.toCloudEvent(delivered);

        assertThat(cloudEvent.getDataContentType()).isNull();
        assertThat(cloudEvent.getExtension("awsresources")).isEqualTo("[]");
        assertThat(cloudEvent.getTime()).isEqualTo(OffsetDateTime.parse("2026-11-28T09:15:02Z"));
        assertThat(EventEnvelope.toEventBridge(cloudEvent)).isEqualTo(delivered);
        assertThat(EventEnvelope.toEventBridge(cloudEvent).toJson())
                .isEqualTo(fixture("delivered-without-cloudevents.json"));
    }

    @Test
    void toEventBridge_shouldKeepEachExtensionType_whenExtensionsAreUriTimestampAndBinary() {
        CloudEvent event = event()
                .withExtension("callback", URI.create("https://carrier.example/callbacks/42"))
                .withExtension("deadline", OffsetDateTime.parse("2026-12-01T00:00:00.5+09:00"))
                .withExtension("signature", new byte[] {0, 1, 2, (byte) 0xff})
                .withExtension("attempt", 3)
                .withExtension("urgent", true)
                .withExtension("traceparent", "00-abc-01")
                .build();

        EventBridgeEvent eventBridge = EventEnvelope.toEventBridge(event);

        assertThat(eventBridge.detail().at("/_cloudevents/extensions")).isEqualTo(json("""
                {"attempt": 3, "callback": {"uri": "https://carrier.example/callbacks/42"},
                 "deadline": {"timestamp": "2026-12-01T00:00:00.5+09:00"}, "signature": {"binary": "AAEC/w=="},
                 "traceparent": "00-abc-01", "urgent": true}"""));
        assertSameEvent(EventEnvelope.toCloudEvent(eventBridge), event);
    }

    @Test
    void toEventBridge_shouldLeaveOutCloudEventsMember_whenNothingNeedsCarrying() {
        CloudEvent event = event().build();

        EventBridgeEvent eventBridge = EventEnvelope.toEventBridge(event);

        assertThat(eventBridge.detail()).isEqualTo(json("{\"orderId\": \"ord-1\"}"));
        assertThat(eventBridge.time()).isEqualTo(Instant.parse("2026-11-28T09:15:00Z"));
        assertSameEvent(EventEnvelope.toCloudEvent(eventBridge), event);
    }

    @Test
    void toEventBridge_shouldMarkTheDetail_whenTheCloudEventHasNoData() {
        CloudEvent event = event().withoutData().withSubject("ord-1").build();

        EventBridgeEvent eventBridge = EventEnvelope.toEventBridge(event);

        assertThat(eventBridge.detail()).isEqualTo(json("{\"_cloudevents\": {\"subject\": \"ord-1\", \"nodata\": true}}"));
        CloudEvent back = EventEnvelope.toCloudEvent(eventBridge);
        assertThat(back.getData()).isNull();
        assertSameEvent(back, event);
    }

    @Test
    void toEventBridge_shouldDistinguishEmptyDataFromNoData_whenDataIsAnEmptyObject() {
        CloudEvent event = event().withData(JsonCloudEventData.wrap(json("{}"))).build();

        EventBridgeEvent eventBridge = EventEnvelope.toEventBridge(event);

        assertThat(eventBridge.detail()).isEqualTo(json("{}"));
        assertThat(CloudEvents.json(EventEnvelope.toCloudEvent(eventBridge).getData())).isEqualTo(json("{}"));
    }

    @Test
    void toEventBridge_shouldReadJsonBytes_whenDataHasNoContentType() {
        CloudEvent event = event().withData("{\"total\": 19.90}".getBytes(StandardCharsets.UTF_8)).build();

        EventBridgeEvent eventBridge = EventEnvelope.toEventBridge(event);

        assertThat(eventBridge.detail().get("total").decimalValue()).isEqualByComparingTo("19.90");
        assertThat(eventBridge.detail().get("total").toString()).isEqualTo("19.90");
        CloudEvent back = EventEnvelope.toCloudEvent(eventBridge);
        assertThat(back.getDataContentType()).isNull();
        assertSameEvent(back, event);
    }

    @Test
    void toEventBridge_shouldAcceptJsonMediaTypes_whenContentTypeIsPlusJsonWithParameters() {
        CloudEvent event = event().withDataContentType("application/vnd.nagare.order+json; charset=utf-8").build();

        assertSameEvent(EventEnvelope.toCloudEvent(EventEnvelope.toEventBridge(event)), event);
    }

    @Test
    void toEventBridge_shouldCarryTheSpecVersion_whenTheCloudEventIsVersion03() {
        CloudEvent event = CloudEventBuilder.v03().withId("evt-03").withSource(URI.create("nagare.orders"))
                .withType("OrderConfirmed").withTime(TIME).withSubject("ord-1")
                .withDataSchema(URI.create("https://schemas.nagare.io/events/OrderConfirmed/v1"))
                .withData("application/json", "{\"orderId\":\"ord-1\"}".getBytes(StandardCharsets.UTF_8)).build();

        EventBridgeEvent eventBridge = EventEnvelope.toEventBridge(event);

        assertThat(eventBridge.detail().at("/_cloudevents/specversion").asText()).isEqualTo("0.3");
        assertSameEvent(EventEnvelope.toCloudEvent(eventBridge), event);
    }

    @Test
    void toEventBridge_shouldFailNotSupported_whenDataIsNotJson() {
        CloudEvent text = event().withData("text/plain", "hello".getBytes(StandardCharsets.UTF_8)).build();
        CloudEvent bytes = event().withData("hello".getBytes(StandardCharsets.UTF_8)).build();

        assertThatThrownBy(() -> EventEnvelope.toEventBridge(text)).isInstanceOf(EnvelopeException.class)
                .hasMessageStartingWith("not supported: CloudEvent 'evt-1' has data of content type 'text/plain'");
        assertThatThrownBy(() -> EventEnvelope.toEventBridge(bytes)).isInstanceOf(EnvelopeException.class)
                .hasMessageStartingWith("not supported: CloudEvent 'evt-1' has data that is not JSON");
    }

    @Test
    void toEventBridge_shouldFailNotSupported_whenDataIsAJsonArray() {
        CloudEvent event = event().withData(JsonCloudEventData.wrap(json("[1, 2]"))).build();

        assertThatThrownBy(() -> EventEnvelope.toEventBridge(event)).isInstanceOf(EnvelopeException.class)
                .hasMessage("not supported: CloudEvent 'evt-1' has data that is a JSON array; EventBridge detail is"
                        + " a JSON object, so the data must be one");
    }

    @Test
    void toEventBridge_shouldFail_whenDataUsesTheReservedMember() {
        CloudEvent event = event().withData(JsonCloudEventData.wrap(json("{\"_cloudevents\": {}}"))).build();

        assertThatThrownBy(() -> EventEnvelope.toEventBridge(event))
                .hasMessageContaining("data must not contain the member '_cloudevents'");
    }

    @Test
    void toEventBridge_shouldFail_whenAnAwsExtensionIsNotAString() {
        CloudEvent event = event().withExtension("awsaccount", 123456789).build();

        assertThatThrownBy(() -> EventEnvelope.toEventBridge(event))
                .hasMessage("CloudEvent 'evt-1': extension 'awsaccount' must be a String (it is EventBridge"
                        + " 'account'); got Integer 123456789");
    }

    @Test
    void toEventBridge_shouldFail_whenAwsResourcesIsNotCompactJsonArrayText() {
        CloudEvent spaced = event().withExtension("awsresources", "[ \"arn:a\" ]").build();
        CloudEvent numbers = event().withExtension("awsresources", "[1]").build();

        assertThatThrownBy(() -> EventEnvelope.toEventBridge(spaced))
                .hasMessageContaining("extension 'awsresources' must be a compact JSON array of strings")
                .hasMessageEndingWith("got '[ \"arn:a\" ]'");
        assertThatThrownBy(() -> EventEnvelope.toEventBridge(numbers))
                .hasMessageContaining("extension 'awsresources' must be a compact JSON array of strings");
    }

    @Test
    void toEventBridge_shouldFailNotSupported_whenAnExtensionIsALong() {
        CloudEvent event = event().withExtension("sequence", 5_000_000_000L).build();

        assertThatThrownBy(() -> EventEnvelope.toEventBridge(event))
                .hasMessageStartingWith("not supported: CloudEvent 'evt-1' extension 'sequence' is a Long");
    }

    @Test
    void toPutEventsEntry_shouldCarryTheIdAndKeepPayloadAndAttributes_whenEventBridgeDeliversIt() {
        CloudEvent event = event().withTime(OffsetDateTime.parse("2026-11-28T18:15:00.250+09:00"))
                .withDataSchema(URI.create("https://schemas.nagare.io/events/OrderPlaced/v1"))
                .withExtension("awsresources", "[\"arn:aws:dynamodb:ap-northeast-1:123456789012:table/orders\"]")
                .withExtension("traceparent", "00-abc-01").build();

        PutEventsEntry entry = EventEnvelope.toPutEventsEntry(event, "nagare");
        EventBridgeEvent delivered = entry.delivered("eb-uuid-1", Instant.parse("2026-11-28T09:15:03Z"),
                "123456789012", "ap-northeast-1");
        CloudEvent received = EventEnvelope.toCloudEvent(delivered);

        assertThat(entry.eventBusName()).isEqualTo("nagare");
        assertThat(entry.source()).isEqualTo("nagare.partner.storefront");
        assertThat(entry.detailType()).isEqualTo("OrderPlaced");
        assertThat(entry.time()).isEqualTo(Instant.parse("2026-11-28T09:15:00Z"));
        assertThat(entry.resources()).containsExactly("arn:aws:dynamodb:ap-northeast-1:123456789012:table/orders");
        assertThat(json(entry.detail()).at("/_cloudevents/id").asText()).isEqualTo("evt-1");
        assertThat(received.getId()).isEqualTo("evt-1");
        assertThat(received.getTime()).isEqualTo(event.getTime());
        assertThat(received.getExtension("awseventid")).isEqualTo("eb-uuid-1");
        assertThat(received.getExtension("awsaccount")).isEqualTo("123456789012");
        assertThat(received.getExtension("awsregion")).isEqualTo("ap-northeast-1");
        assertThat(received.getExtension("awseventversion")).isEqualTo("0");
        CloudEvent withoutStamps = CloudEventBuilder.v1(received).withoutExtension("awseventid")
                .withoutExtension("awsaccount").withoutExtension("awsregion").withoutExtension("awseventversion")
                .build();
        assertSameEvent(withoutStamps, event);
    }

    @Test
    void toPutEventsEntry_shouldLeaveEventBridgeStampedFieldsOut_whenTheCloudEventCameFromEventBridge() {
        CloudEvent received = event().withExtension("awseventid", "eb-old").withExtension("awsaccount", "123456789012")
                .withExtension("awsregion", "ap-northeast-1").withExtension("awseventversion", "0").build();

        PutEventsEntry entry = EventEnvelope.toPutEventsEntry(received, null);
        EventBridgeEvent redelivered = entry.delivered("eb-new", Instant.parse("2026-11-28T09:16:00Z"),
                "123456789012", "ap-northeast-1");

        assertThat(entry.eventBusName()).isNull();
        assertThat(json(entry.detail()).get("_cloudevents")).isEqualTo(json("{\"id\": \"evt-1\"}"));
        assertThat(EventEnvelope.toCloudEvent(redelivered).getId()).isEqualTo("evt-1");
        assertThat(EventEnvelope.toCloudEvent(redelivered).getExtension("awseventid")).isEqualTo("eb-new");
    }

    @Test
    void delivered_shouldStampTheReceiveTimeAndEmptyResources_whenTheEntryHasNeither() {
        CloudEvent event = event().withTime(null).build();

        EventBridgeEvent delivered = EventEnvelope.toPutEventsEntry(event, "nagare")
                .delivered("eb-1", Instant.parse("2026-11-28T09:15:07.900Z"), "123456789012", "ap-northeast-1");

        assertThat(delivered.time()).isEqualTo(Instant.parse("2026-11-28T09:15:07Z"));
        assertThat(delivered.resources()).isEmpty();
        assertThat(delivered.version()).isEqualTo("0");
    }

    @Test
    void delivered_shouldFail_whenDetailIsNotAJsonObject() {
        PutEventsEntry entry = new PutEventsEntry("nagare.orders", "OrderPlaced", "[1]", null, null, null);

        assertThatThrownBy(() -> entry.delivered("eb-1", Instant.EPOCH, "123456789012", "ap-northeast-1"))
                .hasMessage("PutEvents entry OrderPlaced from nagare.orders: Detail must be a JSON object; got array");
    }

    @Test
    void toCloudEvent_shouldFailNamingTheMember_whenCloudEventsMemberHasAnUnknownMember() {
        EventBridgeEvent event = eventBridge("{\"orderId\": \"ord-1\", \"_cloudevents\": {\"subjet\": \"typo\"}}");

        assertThatThrownBy(() -> EventEnvelope.toCloudEvent(event))
                .hasMessage("EventBridge event 'eb-1': detail._cloudevents unknown member 'subjet'; known members:"
                        + " [specversion, id, time, datacontenttype, dataschema, subject, nodata, extensions]");
    }

    @Test
    void toCloudEvent_shouldFail_whenCarriedExtensionsNameAnAwsExtension() {
        EventBridgeEvent event = eventBridge("{\"_cloudevents\": {\"extensions\": {\"awsregion\": \"us-east-1\"}}}");

        assertThatThrownBy(() -> EventEnvelope.toCloudEvent(event))
                .hasMessage("EventBridge event 'eb-1': detail._cloudevents.extensions.awsregion is reserved:"
                        + " EventBridge carries it in its own field");
    }

    @Test
    void toCloudEvent_shouldFail_whenCarriedTimeDisagreesWithTheEventTime() {
        EventBridgeEvent event = eventBridge("{\"_cloudevents\": {\"time\": \"2026-11-28T09:16:00.5Z\"}}");

        assertThatThrownBy(() -> EventEnvelope.toCloudEvent(event))
                .hasMessage("EventBridge event 'eb-1': detail._cloudevents.time '2026-11-28T09:16:00.5Z' is not within"
                        + " the second of the event's time (2026-11-28T09:15:00Z)");
    }

    @Test
    void toCloudEvent_shouldFail_whenAnExtensionValueHasNoCloudEventsType() {
        EventBridgeEvent event = eventBridge("{\"_cloudevents\": {\"extensions\": {\"ratio\": 0.5}}}");

        assertThatThrownBy(() -> EventEnvelope.toCloudEvent(event))
                .hasMessageStartingWith("EventBridge event 'eb-1': detail._cloudevents.extensions.ratio must be a"
                        + " string, a 32-bit integer, a boolean, or one of");
    }

    @Test
    void eventBridgeEvent_shouldRejectAFractionOfASecond_whenBuilt() {
        assertThatThrownBy(() -> EventBridgeEvent.builder().id("eb-1").source("s").detailType("T")
                .detail(json("{}")).time(Instant.parse("2026-11-28T09:15:00.1Z")).build())
                .hasMessageStartingWith("EventBridge event 'eb-1': time 2026-11-28T09:15:00.100Z has a fraction of a"
                        + " second");
    }

    @Test
    void fromJson_shouldFailNamingTheMember_whenJsonHasAnUnknownMemberOrAnotherTimeForm() {
        ObjectNode unknown = (ObjectNode) fixture("delivered-without-cloudevents.json");
        unknown.put("detailType", "x");
        ObjectNode offset = (ObjectNode) fixture("delivered-without-cloudevents.json");
        offset.put("time", "2026-11-28T18:15:02+09:00");

        assertThatThrownBy(() -> EventBridgeEvent.fromJson(unknown))
                .hasMessageStartingWith("EventBridge event '6a7e8feb-b491-4cf7-a9f1-bf3703467718': unknown member"
                        + " 'detailType'; known members: [version, id, detail-type");
        assertThatThrownBy(() -> EventBridgeEvent.fromJson(offset))
                .hasMessageContaining("time must be UTC with whole seconds, as EventBridge writes it");
    }

    @Test
    void detail_shouldNotChangeTheEvent_whenTheCallerMutatesIt() {
        EventBridgeEvent event = eventBridge("{\"orderId\": \"ord-1\"}");

        ((ObjectNode) event.detail()).put("orderId", "changed");

        assertThat(event.detail().get("orderId").asText()).isEqualTo("ord-1");
    }

    private static io.cloudevents.core.v1.CloudEventBuilder event() {
        return CloudEventBuilder.v1().withId("evt-1").withSource(URI.create("nagare.partner.storefront"))
                .withType("OrderPlaced").withTime(TIME)
                .withData(JsonCloudEventData.wrap(json("{\"orderId\": \"ord-1\"}")));
    }

    private static EventBridgeEvent eventBridge(String detail) {
        return EventBridgeEvent.builder().id("eb-1").source("nagare.orders").detailType("OrderConfirmed")
                .time(Instant.parse("2026-11-28T09:15:00Z")).detail(json(detail)).build();
    }

    private static JsonNode json(String text) {
        try {
            return SchemaJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
