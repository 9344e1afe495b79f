package io.nagare.schemas;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * The JSON settings every registry tool shares: numbers are read as exact decimals (never {@code double}) and
 * keep their scale, so {@code 19.90} stays {@code 19.90} from file to validator to generated type and back.
 */
public final class SchemaJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private SchemaJson() {
    }

    /** The shared mapper; configure a copy ({@code mapper().copy()}) rather than this instance. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
