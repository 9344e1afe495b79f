package io.nagare.events;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and writes the generated event records. Under these settings every valid payload reads into its record and
 * writes back unchanged: amounts stay exact decimals with their digits ({@code 19.90}, never {@code 19.9} or
 * {@code 1.99E+1}) and timestamps stay ISO text ({@code 2026-11-28T09:15:00Z}).
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private EventJson() {
    }

    /** The configured mapper, shared: configure a {@code copy()} rather than this instance. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads a payload ({@code detail} or {@code data}) into its record.
     *
     * @throws IllegalArgumentException naming the record, what is wrong and where, e.g.
     *                                  {@code not a valid OrderPlaced: OrderPlaced.currency is required}
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw invalid(type, e);
        }
    }

    /** Like {@link #read(String, Class)}, from a JSON tree. */
    public static <T> T read(JsonNode json, Class<T> type) {
        try {
            return MAPPER.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw invalid(type, e);
        }
    }

    public static String write(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + event.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode tree(Object event) {
        return MAPPER.valueToTree(event);
    }

    /** The record's own check ("OrderPlaced.currency is required") rather than Jackson's wrapping of it. */
    private static IllegalArgumentException invalid(Class<?> type, JsonProcessingException e) {
        String problem = e instanceof ValueInstantiationException && e.getCause() != null
                ? e.getCause().getMessage()
                : e.getOriginalMessage();
        String pointer = e instanceof JsonMappingException mapping ? pointer(mapping) : "";
        return new IllegalArgumentException("not a valid " + type.getSimpleName() + ": " + problem
                + (pointer.isEmpty() ? "" : " (at " + pointer + ")"), e);
    }

    private static String pointer(JsonMappingException e) {
        return e.getPath().stream()
                .filter(ref -> ref.getFieldName() != null || ref.getIndex() >= 0)
                .map(ref -> "/" + (ref.getFieldName() != null
                        ? ref.getFieldName().replace("~", "~0").replace("/", "~1")
                        : String.valueOf(ref.getIndex())))
                .collect(Collectors.joining());
    }
}
