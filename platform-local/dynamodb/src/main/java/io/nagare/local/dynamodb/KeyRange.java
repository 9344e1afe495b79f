package io.nagare.local.dynamodb;

import java.util.ArrayList;
import java.util.List;

import io.nagare.local.dynamodb.internal.expression.Condition;
import io.nagare.local.dynamodb.internal.expression.DocumentPath;
import io.nagare.local.dynamodb.internal.expression.Operand;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;
import io.nagare.local.dynamodb.internal.item.KeyCodec;

/**
 * The stored-key range a KeyConditionExpression selects: one partition, narrowed by at most one sort key condition.
 * Querying never looks at keys outside it, so its cost does not grow with the table.
 *
 * @param upperExclusive null for "to the end of the map"
 */
record KeyRange(byte[] lowerInclusive, byte[] upperExclusive) {

    private static final String KIND = "KeyConditionExpression";

    static KeyRange of(Condition condition, KeySchema key) {
        List<Condition> parts = new ArrayList<>();
        flatten(condition, parts);
        if (parts.size() > 2) {
            throw DynamoDbErrors.validation("Conditions can be of length 1 or 2 only");
        }
        AttributeValue partition = null;
        Condition sortCondition = null;
        for (Condition part : parts) {
            String attribute = attribute(part);
            boolean partitionCondition = attribute.equals(key.partitionName());
            if ((partitionCondition && partition != null) || (!partitionCondition && sortCondition != null
                    && key.hasSort() && attribute.equals(key.sortName()))) {
                throw DynamoDbErrors.validation("Invalid " + KIND
                        + ": KeyConditionExpressions must only contain one condition per key");
            }
            if (partitionCondition && part instanceof Condition.Comparison comparison
                    && comparison.operator().equals("=")) {
                partition = value(comparison.right(), comparison.left());
                checkType(partition, key.partitionType());
            } else if (key.hasSort() && attribute.equals(key.sortName())) {
                sortCondition = part;
            } else if (attribute.equals(key.partitionName())) {
                throw DynamoDbErrors.validation("Query key condition not supported");
            } else {
                throw DynamoDbErrors.validation("Query condition missed key schema element: "
                        + (partition == null ? key.partitionName() : key.sortName() == null ? attribute : key.sortName()));
            }
        }
        if (partition == null) {
            throw DynamoDbErrors.validation("Query condition missed key schema element: " + key.partitionName());
        }
        byte[] prefix = KeyCodec.partitionPrefix(partition);
        return sortCondition == null ? prefixRange(prefix) : sortRange(prefix, sortCondition, key.sortType());
    }

    private static KeyRange sortRange(byte[] prefix, Condition condition, AttributeValue.Type type) {
        if (condition instanceof Condition.Comparison comparison) {
            AttributeValue value = value(comparison.right(), comparison.left());
            checkType(value, type);
            byte[] at = KeyCodec.append(prefix, value);
            String operator = comparison.left() instanceof Operand.Path ? comparison.operator()
                    : mirror(comparison.operator());
            switch (operator) {
                case "=":
                    return prefixRange(at);
                case "<":
                    return new KeyRange(prefix, at);
                case "<=":
                    return new KeyRange(prefix, KeyCodec.prefixEnd(at));
                case ">":
                    return new KeyRange(KeyCodec.prefixEnd(at), KeyCodec.prefixEnd(prefix));
                case ">=":
                    return new KeyRange(at, KeyCodec.prefixEnd(prefix));
                default:
                    throw DynamoDbErrors.validation("Unsupported operator on KeyConditionExpression: operator: " + operator);
            }
        }
        if (condition instanceof Condition.Between between) {
            AttributeValue lower = value(between.lower(), null);
            AttributeValue upper = value(between.upper(), null);
            checkType(lower, type);
            checkType(upper, type);
            return new KeyRange(KeyCodec.append(prefix, lower), KeyCodec.prefixEnd(KeyCodec.append(prefix, upper)));
        }
        Condition.BeginsWith beginsWith = (Condition.BeginsWith) condition;
        AttributeValue start = value(beginsWith.prefix(), null);
        checkType(start, type);
        if (type == AttributeValue.Type.N) {
            throw DynamoDbErrors.validation("Invalid " + KIND + ": Incorrect operand type for operator or function; "
                    + "operator or function: begins_with, operand type: N");
        }
        return prefixRange(KeyCodec.appendUnterminated(prefix, start));
    }

    private static KeyRange prefixRange(byte[] prefix) {
        return new KeyRange(prefix, KeyCodec.prefixEnd(prefix));
    }

    private static void flatten(Condition condition, List<Condition> parts) {
        if (condition instanceof Condition.And and) {
            flatten(and.left(), parts);
            flatten(and.right(), parts);
        } else if (condition instanceof Condition.Or) {
            throw invalidOperator("OR");
        } else if (condition instanceof Condition.Not) {
            throw invalidOperator("NOT");
        } else if (condition instanceof Condition.In) {
            throw invalidOperator("IN");
        } else if (condition instanceof Condition.Comparison comparison && comparison.operator().equals("<>")) {
            throw invalidOperator("<>");
        } else if (condition instanceof Condition.AttributeExists) {
            throw invalidOperator("attribute_exists");
        } else if (condition instanceof Condition.AttributeNotExists) {
            throw invalidOperator("attribute_not_exists");
        } else if (condition instanceof Condition.AttributeType) {
            throw invalidOperator("attribute_type");
        } else if (condition instanceof Condition.Contains) {
            throw invalidOperator("contains");
        } else {
            parts.add(condition);
        }
    }

    private static RuntimeException invalidOperator(String operator) {
        return DynamoDbErrors.validation("Invalid operator used in " + KIND + ": " + operator);
    }

    /** The one top-level key attribute a key condition is about. */
    private static String attribute(Condition condition) {
        List<DocumentPath> paths = new ArrayList<>();
        condition.paths(paths::add);
        if (paths.size() != 1 || !paths.get(0).isTopLevel()) {
            throw DynamoDbErrors.validation("Invalid " + KIND + ": "
                    + (paths.size() > 1 ? "KeyConditionExpressions must only contain one condition per key"
                    : "Nested attributes are not supported in the key condition expression"));
        }
        return paths.get(0).head();
    }

    private static AttributeValue value(Operand operand, Operand other) {
        Operand candidate = operand instanceof Operand.Value ? operand : other;
        if (!(candidate instanceof Operand.Value value)) {
            throw DynamoDbErrors.validation("Invalid " + KIND + ": the condition must compare a key attribute with "
                    + "an expression attribute value");
        }
        return value.value();
    }

    private static void checkType(AttributeValue value, AttributeValue.Type type) {
        if (value.type() != type) {
            throw DynamoDbErrors.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }

    private static String mirror(String operator) {
        switch (operator) {
            case "<":
                return ">";
            case "<=":
                return ">=";
            case ">":
                return "<";
            case ">=":
                return "<=";
            default:
                return operator;
        }
    }
}
