package io.nagare.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.events.EventJson;
import io.nagare.events.EventTypes;
import io.nagare.schemas.EventSchemaVersion;
import io.nagare.schemas.EventType;
import io.nagare.schemas.EventValidator;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated records (nagare-events) and the registry they come from agree. */
class GeneratedEventTypesContractTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.fromClasspath();
    private static final EventValidator VALIDATOR = new EventValidator(REGISTRY);

    static Stream<EventSchemaVersion> versions() {
        return REGISTRY.eventTypes().stream().flatMap(type -> type.versions().stream());
    }

    static Stream<Arguments> validExamples() {
        return versions().flatMap(version -> version.validExamples().stream()
                .map(example -> Arguments.of(version.label() + " " + example.name(), version, example.data())));
    }

    @Test
    void everyEventType_shouldHaveARecord_forItsLatestVersion() {
        assertThat(EventTypes.detailTypes())
                .containsExactlyInAnyOrderElementsOf(REGISTRY.eventTypes().stream().map(EventType::detailType).toList());
        for (EventType type : REGISTRY.eventTypes()) {
            assertThat(EventTypes.latest(type.detailType())).as(type.detailType())
                    .isEqualTo(EventTypes.recordClass(type.detailType(), type.latest().version()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void record_shouldCarryTheRegistrysMetadata(EventSchemaVersion version) throws Exception {
        Class<? extends Record> record = EventTypes.recordClass(version.detailType(), version.version()).orElseThrow();
        EventType type = REGISTRY.eventType(version.detailType()).orElseThrow();

        assertThat(record.getSimpleName()).isEqualTo(version.detailType());
        assertThat(record.getPackageName()).isEqualTo("io.nagare.events." + type.owner() + ".v" + version.version());
        assertThat(record.getField("DETAIL_TYPE").get(null)).isEqualTo(type.detailType());
        assertThat(record.getField("SOURCE").get(null)).isEqualTo(type.source());
        assertThat(record.getField("VERSION").get(null)).isEqualTo(version.version());
        assertThat(record.getField("SCHEMA_ID").get(null)).isEqualTo(version.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void recordWrittenFromAnExample_shouldStillSatisfyItsSchema(String name, EventSchemaVersion version, JsonNode data) {
        Class<? extends Record> record = EventTypes.recordClass(version.detailType(), version.version()).orElseThrow();

        JsonNode written = EventJson.tree(EventJson.read(data, record));

        assertThat(VALIDATOR.validatePayload(version, written)).as(name).isEmpty();
    }
}
