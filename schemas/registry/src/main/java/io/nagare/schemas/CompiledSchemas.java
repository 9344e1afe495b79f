package io.nagare.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Schemas (draft 2020-12) compiled once by networknt's validator, and validation against them. The validator
 * works on Jackson 3 trees while the registry reads Jackson 2 ones, so documents cross over as bytes, with numbers
 * kept as exact decimals on both sides ({@code multipleOf: 0.01} must hold for {@code 19.99}).
 */
final class CompiledSchemas {

    private static final JsonMapper JACKSON3 = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final com.networknt.schema.SchemaRegistry networknt;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    /** A compiled schema and the tree it was compiled from, so a different tree under the same name recompiles. */
    private record Compiled(JsonNode source, Schema schema) {
    }

    CompiledSchemas() {
        Dialect dialect = Dialect.builder(Dialects.getDraft202012()).format(new Iso4217Format()).build();
        // Formats are annotations by default in 2020-12; Nagare's conventions make them assertions.
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        // Every schema is self-contained: nothing is ever fetched from the network.
        networknt = com.networknt.schema.SchemaRegistry.withDialect(dialect, builder -> builder
                .schemaRegistryConfig(config)
                .schemaLoader(loader -> loader.fetchRemoteResources(false)));
    }

    /**
     * Validates {@code instance} against {@code schema} (compiled on first use under {@code name}); both pointers
     * of each error are relative to {@code instance}.
     *
     * @param name names the schema in error messages and caches it, e.g. {@code OrderPlaced v2}
     */
    List<ValidationError> validate(String name, JsonNode schema, JsonNode instance) {
        List<ValidationError> errors = new ArrayList<>();
        for (com.networknt.schema.Error error : compile(name, schema).validate(toJackson3(instance))) {
            String pointer = error.getInstanceLocation().toString();
            errors.add(new ValidationError(pointer, pointer, error.getKeyword(), propertyOf(error),
                    ErrorText.describe(error)));
        }
        return errors;
    }

    private Schema compile(String name, JsonNode schema) {
        Compiled cached = compiled.get(name);
        if (cached != null && cached.source() == schema) {
            return cached.schema();
        }
        try {
            Schema result = networknt.getSchema(toJackson3(schema));
            result.initializeValidators();
            compiled.put(name, new Compiled(schema, result));
            return result;
        } catch (SchemaException e) {
            throw new SchemaRegistryException(name + ": not a usable JSON Schema 2020-12: " + e.getMessage(), e);
        }
    }

    private static String propertyOf(com.networknt.schema.Error error) {
        String keyword = error.getKeyword();
        return "required".equals(keyword) || "additionalProperties".equals(keyword) ? error.getProperty() : null;
    }

    private static tools.jackson.databind.JsonNode toJackson3(JsonNode node) {
        try {
            return JACKSON3.readTree(SchemaJson.mapper().writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a JSON tree", e);
        }
    }
}
