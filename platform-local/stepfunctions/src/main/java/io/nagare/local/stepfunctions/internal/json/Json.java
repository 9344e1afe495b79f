package io.nagare.local.stepfunctions.internal.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON conventions of the interpreter. Values are Jackson trees treated as immutable once built: a step that
 * changes a document copies the containers it changes (see {@link #shallowCopy}), never the whole tree. Numbers keep
 * their exact decimal value.
 */
public final class Json {

    /** Keeps decimals as given (1.50 stays 1.50): Jackson 2.15+ no longer normalises them in the factory. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .setNodeFactory(NODES);

    private Json() {
    }

    /** Parses JSON text; throws {@link IllegalArgumentException} with the parser's message when it is not JSON. */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("no JSON value in the text");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    public static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compact JSON text, as Step Functions prints inputs and outputs. */
    public static String write(JsonNode node) {
        return JsonText.write(node);
    }

    public static byte[] bytes(JsonNode node) {
        return JsonText.write(node).getBytes(StandardCharsets.UTF_8);
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A new object holding the same children (the children are shared, not copied). */
    public static ObjectNode shallowCopy(ObjectNode source) {
        Map<String, JsonNode> children = new LinkedHashMap<>(Math.max(4, source.size() * 2));
        for (Map.Entry<String, JsonNode> e : source.properties()) {
            children.put(e.getKey(), e.getValue());
        }
        return new ObjectNode(NODES, children);
    }

    public static ArrayNode shallowCopy(ArrayNode source) {
        ArrayNode copy = NODES.arrayNode(source.size());
        copy.addAll(source);
        return copy;
    }

    /** A number node for a BigDecimal, integral values as integers (so 3.0 prints as 3 where AWS does). */
    public static JsonNode number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            BigInteger integer = stripped.toBigIntegerExact();
            if (integer.bitLength() < 32) {
                return NODES.numberNode(integer.intValue());
            }
            if (integer.bitLength() < 64) {
                return NODES.numberNode(integer.longValue());
            }
            return NODES.numberNode(integer);
        }
        return NODES.numberNode(value);
    }

    /** The JSON type name AWS uses in messages. */
    public static String typeName(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "undefined";
        }
        return switch (node.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    /** The integer value of a node holding a whole number that fits an int, or null. */
    public static Integer intValue(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? node.intValue() : null;
        }
        BigDecimal decimal = node.decimalValue();
        try {
            return decimal.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
