package io.nagare.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nagare.events.EventJson;

/**
 * Reads a step's input and writes its output as JSON, with the events' mapper (exact decimals, ISO timestamps).
 * Inputs ignore members they do not use: a saga may pass a wider object than a step reads (the whole saga input,
 * order lines with their prices). A quantity of 2.5 is refused, not truncated.
 */
final class StepJson {

    private static final ObjectMapper INPUT = EventJson.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private StepJson() {
    }

    /** @throws IllegalArgumentException naming the step, what is wrong and where */
    static <T> T read(String step, InputStream input, Class<T> type) {
        try {
            return INPUT.readValue(input, type);
        } catch (JsonMappingException e) {
            String at = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .reduce("", (path, part) -> path + "/" + part);
            throw new IllegalArgumentException(step + " input" + (at.isEmpty() ? "" : " at " + at) + ": "
                    + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(step + " input is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(step + ": cannot read the input: " + e.getMessage(), e);
        }
    }

    static void write(String step, OutputStream output, Object result) {
        try {
            EventJson.mapper().writeValue(output, result);
        } catch (IOException e) {
            throw new IllegalStateException(step + ": cannot write the output: " + e.getMessage(), e);
        }
    }
}
