package io.nagare.local.dynamodb.internal.item;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads and writes attribute values in DynamoDB's JSON wire form ({@code {"S": "x"}}), checking them as it does. */
public final class AttributeValueJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    private AttributeValueJson() {
    }

    /** An item (attribute name to value) from its wire form; null stays null. */
    public static Map<String, AttributeValue> readItem(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw DynamoDbErrors.serialization("Start of structure or map expected, found " + node.getNodeType());
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            item.put(field.getKey(), read(field.getValue()));
        }
        return item;
    }

    public static AttributeValue read(JsonNode node) {
        if (!node.isObject()) {
            throw DynamoDbErrors.serialization("Start of structure or map found where not expected.");
        }
        AttributeValue value = null;
        int types = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                continue;
            }
            types++;
            value = readTyped(field.getKey(), field.getValue());
        }
        if (types == 0) {
            throw DynamoDbErrors.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (types > 1) {
            throw DynamoDbErrors.validation("Supplied AttributeValue has more than one datatypes set, "
                    + "must contain exactly one of the supported datatypes");
        }
        return value;
    }

    private static AttributeValue readTyped(String type, JsonNode node) {
        switch (type) {
            case "S":
                return new AttributeValue.S(text(node, "String"));
            case "N":
                return new AttributeValue.N(Numbers.parse(text(node, "String")));
            case "B":
                return new AttributeValue.B(binary(node));
            case "BOOL":
                if (!node.isBoolean()) {
                    throw DynamoDbErrors.serialization("'" + node.asText().toUpperCase() + "' can not be converted to an Boolean");
                }
                return new AttributeValue.Bool(node.booleanValue());
            case "NULL":
                if (!node.isBoolean() || !node.booleanValue()) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
                }
                return new AttributeValue.Null();
            case "SS": {
                List<String> members = new ArrayList<>();
                for (JsonNode member : array(node)) {
                    members.add(text(member, "String"));
                }
                Set<String> set = new LinkedHashSet<>(members);
                if (members.isEmpty()) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: An string set  may not be empty");
                }
                if (set.size() != members.size()) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: Input collection "
                            + members.toString() + " contains duplicates.");
                }
                return new AttributeValue.SS(set);
            }
            case "NS": {
                List<BigDecimal> members = new ArrayList<>();
                for (JsonNode member : array(node)) {
                    members.add(Numbers.parse(text(member, "String")));
                }
                Set<BigDecimal> set = new LinkedHashSet<>(members);
                if (members.isEmpty()) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: An number set  may not be empty");
                }
                if (set.size() != members.size()) {
                    throw DynamoDbErrors.validation("Input collection contains duplicates");
                }
                return new AttributeValue.NS(set);
            }
            case "BS": {
                List<Binary> members = new ArrayList<>();
                for (JsonNode member : array(node)) {
                    members.add(binary(member));
                }
                Set<Binary> set = new LinkedHashSet<>(members);
                if (members.isEmpty()) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: An binary set  may not be empty");
                }
                if (set.size() != members.size()) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: Input collection "
                            + members + "of type BS contains duplicates.");
                }
                return new AttributeValue.BS(set);
            }
            case "M": {
                if (!node.isObject()) {
                    throw DynamoDbErrors.serialization("Expected map or null");
                }
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    map.put(field.getKey(), read(field.getValue()));
                }
                return new AttributeValue.M(map);
            }
            case "L": {
                List<AttributeValue> list = new ArrayList<>();
                for (JsonNode element : array(node)) {
                    list.add(read(element));
                }
                return new AttributeValue.L(list);
            }
            default:
                throw DynamoDbErrors.serialization("Unrecognized field \"" + type + "\" in AttributeValue; "
                        + "expected one of S, N, B, SS, NS, BS, M, L, BOOL, NULL");
        }
    }

    private static String text(JsonNode node, String expected) {
        if (!node.isTextual()) {
            throw DynamoDbErrors.serialization(node.getNodeType() + " can not be converted to a " + expected);
        }
        return node.textValue();
    }

    private static ArrayNode array(JsonNode node) {
        if (!node.isArray()) {
            throw DynamoDbErrors.serialization("Expected list or null");
        }
        return (ArrayNode) node;
    }

    private static Binary binary(JsonNode node) {
        String text = text(node, "Blob");
        try {
            return Binary.wrap(BASE64.decode(text));
        } catch (IllegalArgumentException e) {
            throw DynamoDbErrors.serialization("'" + text + "' can not be converted to a Blob: " + e.getMessage());
        }
    }

    public static ObjectNode writeItem(Map<String, AttributeValue> item) {
        ObjectNode node = NODES.objectNode();
        item.forEach((name, value) -> node.set(name, write(value)));
        return node;
    }

    public static ObjectNode write(AttributeValue value) {
        ObjectNode node = NODES.objectNode();
        switch (value.type()) {
            case S -> node.put("S", ((AttributeValue.S) value).value());
            case N -> node.put("N", ((AttributeValue.N) value).text());
            case B -> node.put("B", ((AttributeValue.B) value).value().base64());
            case BOOL -> node.put("BOOL", ((AttributeValue.Bool) value).value());
            case NULL -> node.put("NULL", true);
            case SS -> {
                ArrayNode array = node.putArray("SS");
                ((AttributeValue.SS) value).values().forEach(array::add);
            }
            case NS -> {
                ArrayNode array = node.putArray("NS");
                ((AttributeValue.NS) value).values().forEach(v -> array.add(v.toPlainString()));
            }
            case BS -> {
                ArrayNode array = node.putArray("BS");
                ((AttributeValue.BS) value).values().forEach(v -> array.add(v.base64()));
            }
            case M -> node.set("M", writeItem(((AttributeValue.M) value).values()));
            case L -> {
                ArrayNode array = node.putArray("L");
                ((AttributeValue.L) value).values().forEach(v -> array.add(write(v)));
            }
        }
        return node;
    }
}
