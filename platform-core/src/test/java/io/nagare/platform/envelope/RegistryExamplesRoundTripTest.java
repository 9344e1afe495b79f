package io.nagare.platform.envelope;

import static io.nagare.platform.envelope.CloudEvents.assertSameEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.nagare.schemas.EventSchemaVersion;
import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every valid example of the registry survives both directions of the envelope and a trip through PutEvents. */
class RegistryExamplesRoundTripTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.fromClasspath();

    static Stream<Arguments> validExamples() {
        return REGISTRY.eventTypes().stream().flatMap(type -> type.versions().stream().flatMap(version ->
                version.validExamples().stream().map(example -> Arguments.of(
                        version.label() + " " + example.name(), type, version, example))));
    }

    @Test
    void registry_shouldHoldExamplesToRoundTrip_whenPackedInTheJar() {
        assertThat(validExamples().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void toCloudEvent_shouldGiveBackTheCloudEvent_whenMappedToEventBridgeFirst(String label, EventType type,
            EventSchemaVersion version, EventSchemaVersion.Example example) {
        CloudEvent event = cloudEvent(type, version, example);

        CloudEvent back = EventEnvelope.toCloudEvent(EventEnvelope.toEventBridge(event));

        assertSameEvent(back, event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void toEventBridge_shouldGiveBackTheEventBridgeEvent_whenMappedToCloudEventFirst(String label, EventType type,
            EventSchemaVersion version, EventSchemaVersion.Example example) {
        EventBridgeEvent event = EventBridgeEvent.builder()
                .version("0").id("b9d1c3f0-1f5e-4f51-8a4c-2f0d1e3c4b5a")
                .detailType(type.detailType()).source(type.source()).account("123456789012")
                .time(Instant.parse("2026-11-28T09:15:00Z")).region("ap-northeast-1").resources(List.of())
                .detail(example.data()).build();

        EventBridgeEvent back = EventEnvelope.toEventBridge(EventEnvelope.toCloudEvent(event));

        assertThat(back).isEqualTo(event);
        assertThat(back.toJson()).isEqualTo(event.toJson());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void toCloudEvent_shouldKeepIdAttributesAndData_whenTheEventWentThroughPutEvents(String label, EventType type,
            EventSchemaVersion version, EventSchemaVersion.Example example) {
        CloudEvent event = cloudEvent(type, version, example);

        EventBridgeEvent delivered = EventEnvelope.toPutEventsEntry(event, "nagare")
                .delivered("eb-id", Instant.parse("2026-11-28T09:15:01Z"), "123456789012", "ap-northeast-1");
        CloudEvent received = EventEnvelope.toCloudEvent(delivered);

        JsonNode payload = ((ObjectNode) delivered.detail()).without(EventEnvelope.RESERVED_MEMBER);
        assertThat(payload).isEqualTo(example.data());
        assertSameEvent(CloudEventBuilder.v1(received).withoutExtension("awseventid").withoutExtension("awsaccount")
                .withoutExtension("awsregion").withoutExtension("awseventversion").withoutExtension("awsresources")
                .build(), event);
    }

    private static CloudEvent cloudEvent(EventType type, EventSchemaVersion version,
            EventSchemaVersion.Example example) {
        return CloudEventBuilder.v1()
                .withId("evt-" + example.name())
                .withSource(URI.create(type.source()))
                .withType(type.detailType())
                .withTime(OffsetDateTime.parse("2026-11-28T18:15:00.123+09:00"))
                .withDataContentType("application/json")
                .withDataSchema(URI.create(version.id()))
                .withData(JsonCloudEventData.wrap(example.data()))
                .build();
    }
}
