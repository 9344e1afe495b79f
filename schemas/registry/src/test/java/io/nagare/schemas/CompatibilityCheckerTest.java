package io.nagare.schemas;

import static io.nagare.schemas.TestRegistries.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

    /**
     * Golden cases under src/test/resources/compatibility: each folder is a registry with one event type and an
     * expected.json listing every violation message, in order (empty when the versions are compatible).
     */
    static Stream<Arguments> cases() throws IOException {
        try (Stream<Path> folders = Files.list(TestRegistries.resource("compatibility"))) {
            return folders.sorted().map(folder -> Arguments.of(folder.getFileName().toString(), folder)).toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void check_shouldReportExactlyTheExpectedViolations_whenComparingEachFixturePair(String name, Path folder)
            throws IOException {
        JsonNode expected = SchemaJson.mapper().readTree(folder.resolve("expected.json").toFile());
        List<String> expectedMessages = new ArrayList<>();
        expected.get("violations").forEach(message -> expectedMessages.add(message.asText()));

        CompatibilityReport report = CompatibilityChecker.check(SchemaRegistry.load(folder));

        assertThat(report.violations()).map(CompatibilityViolation::message)
                .as(expected.get("description").asText())
                .containsExactlyElementsOf(expectedMessages);
    }

    @Test
    void check_shouldCountTypesVersionsAndComparisons_whenSummarizing() {
        CompatibilityReport transitive = CompatibilityChecker.check(SchemaRegistry.load(
                TestRegistries.resource("compatibility/backward-transitive-default-dropped-later")));
        CompatibilityReport none = CompatibilityChecker.check(SchemaRegistry.load(
                TestRegistries.resource("compatibility/none-breaking-change-ignored")));

        assertThat(transitive.summary()).isEqualTo("1 event type, 3 versions, 3 comparisons: 1 breaking change");
        assertThat(transitive.compatible()).isFalse();
        assertThat(none.summary()).isEqualTo("1 event type, 2 versions, 0 comparisons: compatible");
    }

    @Test
    void compare_shouldNameBothDirections_whenAChangeBreaksBackwardAndForward() {
        EventType type = SchemaRegistry.load(TestRegistries.resource("compatibility/full-required-property-removed"))
                .eventType("OrderPlaced").orElseThrow();

        List<CompatibilityViolation> violations = CompatibilityChecker.compare(type.versions().get(0),
                type.versions().get(1), CompatibilityMode.FULL);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.change()).isEqualTo("removes required property /currency");
            assertThat(violation.location()).isEqualTo("v1#/properties/currency");
            assertThat(violation.backwardRules()).containsExactly("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL");
            assertThat(violation.forwardRules()).containsExactly("REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL");
        });
    }

    @Test
    void compare_shouldFailNamingTheRef_whenASchemaRefersToAnotherDocument() {
        EventSchemaVersion v1 = version(1, """
                {"type": "object", "properties": {"address": {"$ref": "common.json#/$defs/Address"}}}
                """);
        EventSchemaVersion v2 = version(2, """
                {"type": "object", "properties": {"address": {"type": "object"}}}
                """);

        assertThatThrownBy(() -> CompatibilityChecker.compare(v1, v2, CompatibilityMode.BACKWARD))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("v1#/properties/address: not supported: $ref to another document "
                        + "(common.json#/$defs/Address); event schemas are self-contained, put shared types in $defs");
    }

    private static EventSchemaVersion version(int version, String schema) {
        return new EventSchemaVersion("Sample", version, json(schema), List.of(), List.of());
    }
}
