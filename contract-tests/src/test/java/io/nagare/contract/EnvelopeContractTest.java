package io.nagare.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.nagare.platform.envelope.EventBridgeEvent;
import io.nagare.platform.envelope.EventEnvelope;
import io.nagare.platform.envelope.PutEventsEntry;
import io.nagare.schemas.EventSchemaVersion;
import io.nagare.schemas.EventType;
import io.nagare.schemas.EventValidation;
import io.nagare.schemas.EventValidator;
import io.nagare.schemas.SchemaJson;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the envelope (platform-core) produces is what the registry's validator accepts: a partner's CloudEvent
 * that names a schema version keeps naming it after it has become an EventBridge event, so consumers of an
 * older version are validated against that version, not the latest.
 */
class EnvelopeContractTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.fromClasspath();
    private static final EventValidator VALIDATOR = new EventValidator(REGISTRY);

    static Stream<Arguments> validExamples() {
        return REGISTRY.eventTypes().stream().flatMap(type -> type.versions().stream()
                .flatMap(version -> version.validExamples().stream().map(example -> Arguments.of(
                        version.label() + " " + example.name(), type, version, example.data()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void cloudEventNamingAVersion_shouldValidateAgainstThatVersion_asDeliveredByEventBridge(
            String name, EventType type, EventSchemaVersion version, JsonNode data) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId("contract-" + name.replace(' ', '-'))
                .withSource(URI.create(type.source()))
                .withType(type.detailType())
                .withDataSchema(URI.create(version.id()))
                .withSubject("orders/" + data.path("orderId").asText())
                .withData("application/json", JsonCloudEventData.wrap(data))
                .build();

        PutEventsEntry entry = EventEnvelope.toPutEventsEntry(event, "nagare");
        EventBridgeEvent delivered = entry.delivered("6a7e8feb-b491-4cf7-a9f1-bf3703467718",
                Instant.parse("2026-11-28T09:15:00Z"), "000000000000", "ap-northeast-1");
        EventValidation asEventBridge = VALIDATOR.validate(delivered.toJson());

        assertThat(asEventBridge.errors()).as(name).isEmpty();
        assertThat(asEventBridge.schema()).isEqualTo(version);

        CloudEvent consumed = EventEnvelope.toCloudEvent(delivered);
        EventValidation asCloudEvent = VALIDATOR.validate(structured(consumed));
        assertThat(asCloudEvent.errors()).as(name).isEmpty();
        assertThat(asCloudEvent.schema()).isEqualTo(version);
    }

    /** The structured-mode JSON of a CloudEvent, as a partner would send it. */
    private static JsonNode structured(CloudEvent event) {
        ObjectNode json = SchemaJson.mapper().createObjectNode();
        json.put("specversion", event.getSpecVersion().toString());
        json.put("id", event.getId());
        json.put("source", event.getSource().toString());
        json.put("type", event.getType());
        json.put("dataschema", event.getDataSchema().toString());
        try {
            json.set("data", SchemaJson.mapper().readTree(event.getData().toBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json;
    }
}
