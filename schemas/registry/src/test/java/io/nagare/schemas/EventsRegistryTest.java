package io.nagare.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.schemas.EventSchemaVersion.Example;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The build step: the registry in schemas/events keeps its own rules. Every example behaves as it says, every
 * type keeps its compatibility mode, every version has enough examples and its $id follows the layout.
 */
class EventsRegistryTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.load(Path.of("../events"));
    private static final EventValidator VALIDATOR = new EventValidator(REGISTRY);

    private static Stream<EventSchemaVersion> versions() {
        return REGISTRY.eventTypes().stream().flatMap(type -> type.versions().stream());
    }

    @Test
    void registry_shouldHoldTheOrderProcessEvents_whenReadFromSchemasEvents() {
        assertThat(REGISTRY.eventTypes()).map(EventType::detailType).contains("OrderPlaced", "OrderConfirmed",
                "OrderCancelled", "InventoryReserved", "InventoryReservationFailed", "InventoryReleased",
                "PaymentAuthorized", "PaymentDeclined", "PaymentCaptured", "PaymentVoided", "PaymentRefunded",
                "ShipmentRequested", "ShipmentDispatched", "ShipmentDelivered", "ShipmentFailed");
    }

    @TestFactory
    Stream<DynamicTest> validExamples_shouldValidate_whenCheckedAsPayloadCloudEventAndEventBridgeEvent() {
        return versions().flatMap(version -> version.validExamples().stream().map(example -> dynamicTest(
                version.label() + " " + example.name(), () -> {
                    assertThat(VALIDATOR.validatePayload(version, example.data())).isEmpty();
                    assertValidEnvelope(version, cloudEvent(version, example));
                    assertValidEnvelope(version, eventBridgeEvent(version, example));
                })));
    }

    @TestFactory
    Stream<DynamicTest> invalidExamples_shouldProduceExactlyTheirExpectedErrors_whenValidated() {
        return versions().flatMap(version -> version.invalidExamples().stream().map(example -> dynamicTest(
                version.label() + " " + example.name(), () -> {
                    List<String> actual = VALIDATOR.validatePayload(version, example.data()).stream()
                            .map(error -> key(error.payloadPointer(), error.keyword(), error.property())).toList();
                    List<String> expected = example.expectedErrors().stream()
                            .map(error -> key(error.pointer(), error.keyword(), error.property())).toList();
                    assertThat(actual).as(example.description()).containsExactlyInAnyOrderElementsOf(expected);
                })));
    }

    @Test
    void check_shouldFindNoBreakingChange_whenComparingEveryTypeUnderItsMode() {
        CompatibilityReport report = CompatibilityChecker.check(REGISTRY);

        assertThat(report.violations()).map(CompatibilityViolation::message).isEmpty();
        assertThat(report.eventTypes()).isEqualTo(REGISTRY.eventTypes().size());
    }

    @TestFactory
    Stream<DynamicTest> everyVersion_shouldHaveTwoValidAndTwoInvalidExamples_andAnIdFollowingTheLayout() {
        return versions().map(version -> dynamicTest(version.label(), () -> {
            assertThat(version.validExamples()).as("valid examples of " + version.label()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(version.invalidExamples()).as("invalid examples of " + version.label())
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(version.schema().path("$id").asText())
                    .isEqualTo(SchemaRegistry.SCHEMA_ID_BASE + version.detailType() + "/v" + version.version());
            assertThat(version.schema().path("$schema").asText())
                    .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        }));
    }

    @Test
    void fromClasspath_shouldPackTheSameSchemas_whenTheModuleIsBuilt() {
        SchemaRegistry packed = SchemaRegistry.fromClasspath();

        assertThat(packed.eventTypes()).map(EventType::detailType)
                .containsExactlyElementsOf(REGISTRY.eventTypes().stream().map(EventType::detailType).toList());
        assertThat(packed.eventTypes()).flatMap(EventType::versions).map(EventSchemaVersion::schema)
                .containsExactlyElementsOf(versions().map(EventSchemaVersion::schema).toList());
    }

    private static void assertValidEnvelope(EventSchemaVersion version, JsonNode event) {
        EventValidation result = VALIDATOR.validate(event);
        assertThat(result.errors()).as(event.toString()).isEmpty();
        assertThat(result.schema().label()).isEqualTo(version.label());
    }

    private static JsonNode cloudEvent(EventSchemaVersion version, Example example) {
        ObjectNode event = SchemaJson.mapper().createObjectNode()
                .put("specversion", "1.0").put("id", "e-" + example.name()).put("source", "nagare.test")
                .put("type", version.detailType()).put("time", "2026-11-28T09:15:00Z")
                .put("datacontenttype", "application/json").put("dataschema", version.id());
        event.set("data", example.data());
        return event;
    }

    private static JsonNode eventBridgeEvent(EventSchemaVersion version, Example example) {
        ObjectNode detail = example.data().deepCopy();
        detail.putObject("_cloudevents").put("specversion", "1.0").put("dataschema", version.id());
        ObjectNode event = SchemaJson.mapper().createObjectNode()
                .put("version", "0").put("id", "e-" + example.name()).put("source", "nagare.test")
                .put("detail-type", version.detailType()).put("account", "000000000000")
                .put("time", "2026-11-28T09:15:00Z").put("region", "ap-northeast-1");
        event.putArray("resources");
        event.set("detail", detail);
        return event;
    }

    private static String key(String pointer, String keyword, String property) {
        return pointer + " " + keyword + (property == null ? "" : " " + property);
    }
}
