package io.nagare.schemas.codegen;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.schemas.SchemaJson;
import io.nagare.schemas.SchemaRegistry;

/** Registries for generator tests: the fixture folder, or a one-schema registry written on the fly. */
final class CodegenFixtures {

    private CodegenFixtures() {
    }

    /** {@code ParcelSorted} v1 (every construct the generators support) and v2, owned by {@code logistics-hub}. */
    static SchemaRegistry parcelRegistry() {
        try {
            return SchemaRegistry.load(Path.of(CodegenFixtures.class.getResource("/codegen/events").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A registry with one event type, {@code Sample} v1 owned by {@code samples}, whose payload schema is {@code schema}. */
    static SchemaRegistry sampleRegistry(Path directory, JsonNode schema) throws IOException {
        Path type = Files.createDirectories(directory.resolve("Sample"));
        Files.writeString(type.resolve("event.json"), """
                {"detailType": "Sample", "source": "nagare.samples", "owner": "samples", "description": "A sample."}
                """);
        Path version = Files.createDirectories(type.resolve("v1"));
        Files.writeString(version.resolve("schema.json"), SchemaJson.mapper().writeValueAsString(schema));
        return SchemaRegistry.load(directory);
    }
}
