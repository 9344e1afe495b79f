package io.nagare.schemas.codegen;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.schemas.SchemaJson;
import io.nagare.schemas.SchemaRegistry;
import io.nagare.schemas.SchemaRegistryException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden cases ({@code codegen/unsupported-schemas.json}): schemas no generator accepts, with the exact error. */
class UnsupportedSchemaTest {

    @TempDir
    Path registryDirectory;

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = UnsupportedSchemaTest.class.getResourceAsStream("/codegen/unsupported-schemas.json")) {
            JsonNode cases = SchemaJson.mapper().readTree(in);
            return StreamSupport.stream(cases.spliterator(), false)
                    .map(c -> Arguments.of(c.get("name").asText(), c.get("schema"), c.get("message").asText()))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generate_shouldFailNamingTheKeywordAndWhereItIs_whenTheSchemaUsesWhatNoGeneratorSupports(
            String name, JsonNode schema, String message) throws IOException {
        SchemaRegistry registry = CodegenFixtures.sampleRegistry(registryDirectory, schema);

        for (TargetLanguage language : TargetLanguage.values()) {
            assertThatThrownBy(() -> language.generate(registry))
                    .as(language.name())
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessage(message);
        }
    }
}
