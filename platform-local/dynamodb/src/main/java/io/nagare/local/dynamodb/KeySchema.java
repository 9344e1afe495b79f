package io.nagare.local.dynamodb;

import java.util.Map;

import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;
import io.nagare.local.dynamodb.internal.item.ItemSize;

/**
 * The key of a table or index: a partition (HASH) attribute and an optional sort (RANGE) attribute, each with its
 * scalar type (S, N or B).
 */
record KeySchema(String partitionName, AttributeValue.Type partitionType, String sortName,
                 AttributeValue.Type sortType) {

    static final int MAX_PARTITION_KEY_BYTES = 2048;
    static final int MAX_SORT_KEY_BYTES = 1024;

    boolean hasSort() {
        return sortName != null;
    }

    boolean isKeyAttribute(String name) {
        return name.equals(partitionName) || name.equals(sortName);
    }

    AttributeValue partition(Map<String, AttributeValue> item) {
        return item.get(partitionName);
    }

    AttributeValue sort(Map<String, AttributeValue> item) {
        return sortName == null ? null : item.get(sortName);
    }

    /** Whether the item has both key attributes with the right types (an index skips items that do not). */
    boolean indexes(Map<String, AttributeValue> item) {
        AttributeValue partition = item.get(partitionName);
        if (partition == null || partition.type() != partitionType) {
            return false;
        }
        if (sortName == null) {
            return true;
        }
        AttributeValue sort = item.get(sortName);
        return sort != null && sort.type() == sortType;
    }

    /** The key attributes of {@code item} alone. */
    Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        if (sortName == null) {
            return Map.of(partitionName, item.get(partitionName));
        }
        return Map.of(partitionName, item.get(partitionName), sortName, item.get(sortName));
    }

    /** Checks a request's Key: exactly the key attributes, with their types. */
    void checkKey(Map<String, AttributeValue> key) {
        int expected = hasSort() ? 2 : 1;
        if (key.size() != expected || !matches(key.get(partitionName), partitionType)
                || (hasSort() && !matches(key.get(sortName), sortType))) {
            throw DynamoDbErrors.validation("The provided key element does not match the schema");
        }
        checkNotEmpty(key);
    }

    /** Checks an item's key attributes: present, typed as declared, not empty. */
    void checkItem(Map<String, AttributeValue> item) {
        checkAttribute(item, partitionName, partitionType);
        if (hasSort()) {
            checkAttribute(item, sortName, sortType);
        }
        checkNotEmpty(item);
    }

    private static void checkAttribute(Map<String, AttributeValue> item, String name, AttributeValue.Type type) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Missing the key " + name
                    + " in the item");
        }
        if (value.type() != type) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Type mismatch for key "
                    + name + " expected: " + type + " actual: " + value.type());
        }
    }

    private void checkNotEmpty(Map<String, AttributeValue> item) {
        for (String name : hasSort() ? new String[] {partitionName, sortName} : new String[] {partitionName}) {
            if (isEmpty(item.get(name))) {
                throw DynamoDbErrors.validation("One or more parameter values are not valid. The AttributeValue for "
                        + "a key attribute cannot contain an empty " + kind(item.get(name)) + " value. Key: " + name);
            }
        }
        // DynamoDB's own wording, missing space included.
        if (ItemSize.of(item.get(partitionName)) > MAX_PARTITION_KEY_BYTES) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Size of hashkey has exceeded "
                    + "the maximum size limit of2048 bytes");
        }
        if (hasSort() && ItemSize.of(item.get(sortName)) > MAX_SORT_KEY_BYTES) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Aggregated size of all range "
                    + "keys has exceeded the size limit of 1024 bytes");
        }
    }

    static boolean isEmpty(AttributeValue value) {
        return (value instanceof AttributeValue.S s && s.value().isEmpty())
                || (value instanceof AttributeValue.B b && b.value().length() == 0);
    }

    static String kind(AttributeValue value) {
        return value instanceof AttributeValue.S ? "string" : "binary";
    }

    private static boolean matches(AttributeValue value, AttributeValue.Type type) {
        return value != null && value.type() == type;
    }
}
