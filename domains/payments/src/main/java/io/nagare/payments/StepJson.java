package io.nagare.payments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of step inputs and outputs, events and idempotency results: amounts as exact decimals (never
 * {@code double}, trailing zeros kept: {@code 39.80} stays {@code 39.80}), timestamps as ISO-8601 text, unknown input members ignored (the saga may pass more than a step
 * reads).
 */
final class StepJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private StepJson() {
    }

    static <T> T read(InputStream input, Class<T> type, String function) {
        try {
            T value = MAPPER.readValue(input, type);
            if (value == null) {
                throw new IllegalArgumentException(function + ": the input is null; expected a JSON object");
            }
            return value;
        } catch (MismatchedInputException e) {
            throw new IllegalArgumentException(function + ": the input does not fit " + type.getSimpleName() + " at "
                    + e.getPathReference() + ": " + e.getOriginalMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(function + ": the input is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(function + ": the input cannot be read: " + e.getMessage(), e);
        }
    }

    static void write(OutputStream output, Object value) throws IOException {
        MAPPER.writeValue(output, value);
    }

    static String require(String function, String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(function + ": input member '" + field + "' is required");
        }
        return value;
    }
}
