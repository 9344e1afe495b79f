package io.nagare.local.dynamodb.internal.expression;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;

/**
 * A request's ExpressionAttributeNames and ExpressionAttributeValues. Every expression of the request resolves its
 * placeholders here; {@link #checkAllUsed()} then refuses what no expression used, as DynamoDB does.
 */
public final class ExpressionAttributes {

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new LinkedHashSet<>();
    private final Set<String> usedValues = new LinkedHashSet<>();

    public ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = names == null ? Map.of() : new LinkedHashMap<>(names);
        this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
    }

    public static ExpressionAttributes none() {
        return new ExpressionAttributes(Map.of(), Map.of());
    }

    String name(String placeholder, String expressionName) {
        String name = names.get(placeholder);
        if (name == null) {
            throw ExpressionErrors.invalid(expressionName,
                    "An expression attribute name used in the document path is not defined; attribute name: "
                            + placeholder);
        }
        usedNames.add(placeholder);
        return name;
    }

    AttributeValue value(String placeholder, String expressionName) {
        AttributeValue value = values.get(placeholder);
        if (value == null) {
            throw ExpressionErrors.invalid(expressionName,
                    "An expression attribute value used in expression is not defined; attribute value: "
                            + placeholder);
        }
        usedValues.add(placeholder);
        return value;
    }

    /** Refuses names and values that no expression of the request used. */
    public void checkAllUsed() {
        Set<String> unusedNames = new LinkedHashSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoDbErrors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new LinkedHashSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoDbErrors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + unusedValues.stream().collect(Collectors.joining(", ")) + "}");
        }
    }
}
