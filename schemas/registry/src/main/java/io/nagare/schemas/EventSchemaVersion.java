package io.nagare.schemas;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One version of an event type's payload schema (JSON Schema 2020-12) with its examples.
 *
 * @param detailType      the event type
 * @param version         1, 2, ...
 * @param schema          the JSON Schema document
 * @param validExamples   payloads the schema accepts
 * @param invalidExamples payloads the schema rejects, each with the errors it must produce
 */
public record EventSchemaVersion(String detailType, int version, JsonNode schema, List<Example> validExamples,
                                 List<InvalidExample> invalidExamples) {

    public EventSchemaVersion {
        validExamples = List.copyOf(validExamples);
        invalidExamples = List.copyOf(invalidExamples);
    }

    /** The schema's {@code $id}, also the CloudEvents {@code dataschema} of events of this version. */
    public String id() {
        return schema.path("$id").asText(SchemaRegistry.SCHEMA_ID_BASE + detailType + "/v" + version);
    }

    /** {@code OrderPlaced v2}, as messages name it. */
    public String label() {
        return detailType + " v" + version;
    }

    /** A payload the schema accepts, named after its file. */
    public record Example(String name, JsonNode data) {
    }

    /** A payload the schema rejects, with every error it must produce. */
    public record InvalidExample(String name, String description, JsonNode data, List<ExpectedError> expectedErrors) {
        public InvalidExample {
            expectedErrors = List.copyOf(expectedErrors);
        }
    }

    /**
     * One error an invalid example must produce.
     *
     * @param pointer  JSON pointer of the failing instance location ("" for the root)
     * @param keyword  the JSON Schema keyword that fails
     * @param property for {@code required} and {@code additionalProperties}: the property concerned, else null
     */
    public record ExpectedError(String pointer, String keyword, String property) {
    }
}
