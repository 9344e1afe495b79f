package io.nagare.schemas;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Fixture registries and JSON under src/test/resources. */
final class TestRegistries {

    private TestRegistries() {
    }

    static Path resource(String name) {
        URL url = TestRegistries.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    static SchemaRegistry orders() {
        return SchemaRegistry.load(resource("registries/orders"));
    }

    static JsonNode json(String text) {
        try {
            return SchemaJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
