package io.nagare.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.schemas.EventSchemaVersion;
import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every valid example of every schema version must survive a trip through its generated record unchanged. */
class GeneratedEventsRoundTripTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.fromClasspath();

    static Stream<Arguments> validExamples() {
        return REGISTRY.eventTypes().stream()
                .flatMap(type -> type.versions().stream())
                .flatMap(version -> version.validExamples().stream()
                        .map(example -> Arguments.of(version.label() + " " + example.name(), version, example.data())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void read_shouldWriteBackTheSameJson_whenGivenAValidExample(String name, EventSchemaVersion version, JsonNode example)
            throws Exception {
        Class<? extends Record> recordClass = EventTypes.recordClass(version.detailType(), version.version()).orElseThrow();

        Record event = EventJson.read(example, recordClass);
        String written = EventJson.write(event);

        // Trees compare numbers with their scale, so 19.90 written back as 19.9 would fail here.
        assertThat(EventJson.mapper().readTree(written)).isEqualTo(example);
        assertThat(EventJson.read(written, recordClass)).isEqualTo(event);
    }

    @Test
    void validExamples_shouldCoverEveryVersion_whenTheRegistryIsPacked() {
        List<String> withoutExamples = REGISTRY.eventTypes().stream().flatMap(type -> type.versions().stream())
                .filter(version -> version.validExamples().isEmpty()).map(EventSchemaVersion::label).toList();

        assertThat(REGISTRY.eventTypes()).isNotEmpty();
        assertThat(withoutExamples).isEmpty();
    }

    @Test
    void eventTypes_shouldHoldTheRecordOfEveryVersion_withItsSchemaMetadata() throws Exception {
        for (EventType type : REGISTRY.eventTypes()) {
            for (EventSchemaVersion version : type.versions()) {
                Class<? extends Record> recordClass = EventTypes.recordClass(type.detailType(), version.version())
                        .orElseThrow(() -> new AssertionError("no record for " + version.label()));

                assertThat(recordClass.getSimpleName()).isEqualTo(type.detailType());
                assertThat(recordClass.getField("DETAIL_TYPE").get(null)).isEqualTo(type.detailType());
                assertThat(recordClass.getField("SOURCE").get(null)).isEqualTo(type.source());
                assertThat(recordClass.getField("VERSION").get(null)).isEqualTo(version.version());
                assertThat(recordClass.getField("SCHEMA_ID").get(null)).isEqualTo(version.id());
            }
            assertThat(EventTypes.latest(type.detailType()))
                    .contains(EventTypes.recordClass(type.detailType(), type.latest().version()).orElseThrow());
        }
        assertThat(EventTypes.detailTypes()).hasSize(REGISTRY.eventTypes().size());
    }
}
