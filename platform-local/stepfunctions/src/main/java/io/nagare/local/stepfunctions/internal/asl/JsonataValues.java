package io.nagare.local.stepfunctions.internal.asl;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/** Converts between Jackson trees and the maps, lists and numbers the JSONata engine works on. */
final class JsonataValues {

    private static final double MAX_EXACT_DOUBLE = 9_007_199_254_740_992d;

    private JsonataValues() {
    }

    static Object toJsonata(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        switch (node.getNodeType()) {
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    map.put(field.getKey(), toJsonata(field.getValue()));
                }
                return map;
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode item : node) {
                    list.add(toJsonata(item));
                }
                return list;
            }
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case NUMBER:
                if (node.isIntegralNumber()) {
                    return node.canConvertToLong() ? (Object) node.longValue() : node.doubleValue();
                }
                BigDecimal decimal = node.decimalValue();
                if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
                    try {
                        return decimal.longValueExact();
                    } catch (ArithmeticException e) {
                        return decimal.doubleValue();
                    }
                }
                return decimal.doubleValue();
            default:
                return Jsonata.NULL_VALUE;
        }
    }

    /** The JSON value of an evaluation result; null stays Java null (undefined). */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value == Jsonata.NULL_VALUE) {
            return Json.NODES.nullNode();
        }
        if (value instanceof String text) {
            return Json.NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return Json.NODES.booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Json.NODES.numberNode(((Number) value).longValue()).canConvertToInt()
                    ? Json.NODES.numberNode(((Number) value).intValue()) : Json.NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger integer) {
            return Json.NODES.numberNode(integer);
        }
        if (value instanceof BigDecimal decimal) {
            return Json.number(decimal);
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("the result is not a finite number");
            }
            if (d == Math.rint(d) && Math.abs(d) < MAX_EXACT_DOUBLE) {
                long whole = (long) d;
                return whole == (int) whole ? Json.NODES.numberNode((int) whole) : Json.NODES.numberNode(whole);
            }
            return Json.NODES.numberNode(BigDecimal.valueOf(d));
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = Json.object();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                JsonNode child = toJson(entry.getValue());
                if (child != null) {
                    object.set(String.valueOf(entry.getKey()), child);
                }
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = Json.array();
            for (Object item : list) {
                JsonNode child = toJson(item);
                if (child != null) {
                    array.add(child);
                }
            }
            return array;
        }
        throw new IllegalArgumentException("the result is a function, not a JSON value");
    }
}
