package io.nagare.local.dynamodb;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.expression.ExpressionAttributes;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.AttributeValueJson;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;
import io.nagare.local.runtime.AwsServiceException;

/** Reads and checks request parameters with DynamoDB's validation messages. */
final class Requests {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final Pattern NAME_PLACEHOLDER = Pattern.compile("#[A-Za-z0-9_]+");
    private static final Pattern VALUE_PLACEHOLDER = Pattern.compile(":[A-Za-z0-9_]+");
    private static final List<String> LEGACY = List.of("AttributesToGet", "Expected", "KeyConditions", "QueryFilter",
            "ScanFilter", "AttributeUpdates", "ConditionalOperator");

    private Requests() {
    }

    static String tableName(JsonNode input) {
        return name(input, "TableName", "tableName");
    }

    /** A table or index name: 3 to 255 characters of {@code [a-zA-Z0-9_.-]}. */
    static String name(JsonNode input, String field, String member) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            throw validationErrors("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        String name = node.asText();
        checkName(name, member);
        return name;
    }

    static String optionalName(JsonNode input, String field, String member) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        checkName(node.asText(), member);
        return node.asText();
    }

    private static void checkName(String name, String member) {
        if (name.length() < 3) {
            throw validationErrors("Value '" + name + "' at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to 3");
        }
        if (name.length() > 255) {
            throw validationErrors("Value '" + name + "' at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to 255");
        }
        if (!NAME.matcher(name).matches()) {
            throw validationErrors("Value '" + name + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
    }

    static AwsServiceException validationErrors(String error) {
        return DynamoDbErrors.validation("1 validation error detected: " + error);
    }

    static Map<String, AttributeValue> requiredItem(JsonNode input, String field, String member) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            throw validationErrors("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        return AttributeValueJson.readItem(node);
    }

    static String text(JsonNode input, String field) {
        JsonNode node = input.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    static boolean bool(JsonNode input, String field, boolean fallback) {
        JsonNode node = input.get(field);
        return node == null || node.isNull() ? fallback : node.asBoolean();
    }

    /** An enum parameter, checked against its values (listed in DynamoDB's order for the message). */
    static String choice(JsonNode input, String field, String member, String fallback, String... allowed) {
        String value = text(input, field);
        if (value == null) {
            return fallback;
        }
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw validationErrors("Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
    }

    static Integer limit(JsonNode input) {
        JsonNode node = input.get("Limit");
        if (node == null || node.isNull()) {
            return null;
        }
        int limit = node.asInt();
        if (limit < 1) {
            throw validationErrors("Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return limit;
    }

    /** Refuses the pre-expression parameters; every current SDK and the enhanced client use expressions. */
    static void refuseLegacy(JsonNode input) {
        for (String parameter : LEGACY) {
            if (input.has(parameter) && !input.get(parameter).isNull()) {
                throw DynamoDbErrors.notSupported("legacy parameter " + parameter + " (use the expression parameters)");
            }
        }
    }

    /**
     * ExpressionAttributeNames and ExpressionAttributeValues, with DynamoDB's checks on their keys and values and on
     * their use without any expression.
     */
    static ExpressionAttributes expressionAttributes(JsonNode input, boolean anyExpression) {
        JsonNode names = input.get("ExpressionAttributeNames");
        JsonNode values = input.get("ExpressionAttributeValues");
        boolean hasNames = names != null && !names.isNull();
        boolean hasValues = values != null && !values.isNull();
        if (hasNames && !anyExpression) {
            throw DynamoDbErrors.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (hasValues && !anyExpression) {
            throw DynamoDbErrors.validation("ExpressionAttributeValues can only be specified when using expressions");
        }
        Map<String, String> nameMap = new LinkedHashMap<>();
        if (hasNames) {
            if (names.isEmpty()) {
                throw DynamoDbErrors.validation("ExpressionAttributeNames must not be empty");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = names.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!NAME_PLACEHOLDER.matcher(entry.getKey()).matches()) {
                    throw DynamoDbErrors.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \""
                            + entry.getKey() + "\"");
                }
                if (entry.getValue().asText().isEmpty()) {
                    throw DynamoDbErrors.validation("ExpressionAttributeNames contains invalid value: Empty attribute "
                            + "name for key " + entry.getKey());
                }
                nameMap.put(entry.getKey(), entry.getValue().asText());
            }
        }
        Map<String, AttributeValue> valueMap = new LinkedHashMap<>();
        if (hasValues) {
            if (values.isEmpty()) {
                throw DynamoDbErrors.validation("ExpressionAttributeValues must not be empty");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!VALUE_PLACEHOLDER.matcher(entry.getKey()).matches()) {
                    throw DynamoDbErrors.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \""
                            + entry.getKey() + "\"");
                }
                try {
                    valueMap.put(entry.getKey(), AttributeValueJson.read(entry.getValue()));
                } catch (AwsServiceException e) {
                    if (!e.errorCode().equals("ValidationException")) {
                        throw e;
                    }
                    throw DynamoDbErrors.validation("ExpressionAttributeValues contains invalid value: "
                            + e.getMessage() + " for key " + entry.getKey());
                }
            }
        }
        return new ExpressionAttributes(nameMap, valueMap);
    }

    static boolean has(JsonNode input, String field) {
        JsonNode node = input.get(field);
        return node != null && !node.isNull();
    }

    static ObjectNode object(JsonNode input, String field) {
        JsonNode node = input.get(field);
        return node instanceof ObjectNode object ? object : null;
    }
}
