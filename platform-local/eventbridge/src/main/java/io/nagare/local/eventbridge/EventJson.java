package io.nagare.local.eventbridge;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON and time formats of EventBridge: exact numbers, event times in whole seconds, API times in epoch seconds. */
final class EventJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private EventJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses JSON text; null when it is not valid JSON. */
    static JsonNode parseOrNull(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON is corrupt: " + e.getOriginalMessage(), e);
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event's {@code time}: ISO 8601 UTC in whole seconds, e.g. {@code 2015-11-11T21:29:54Z}. */
    static String eventTime(Instant instant) {
        return EVENT_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** An API timestamp as the AWS JSON protocol writes it: epoch seconds with milliseconds. */
    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }

    /** An API timestamp read from a request (epoch seconds, possibly fractional). */
    static Instant instant(JsonNode epochSeconds) {
        BigDecimal seconds = epochSeconds.decimalValue();
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }
}
