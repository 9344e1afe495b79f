package io.nagare.local.dynamodb;

import java.util.Map;

import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;
import io.nagare.local.dynamodb.internal.item.ItemSize;

/** Checks a whole item before it is stored: keys, secondary index keys, size. */
final class ItemChecks {

    private ItemChecks() {
    }

    static void checkForPut(TableDefinition table, Map<String, AttributeValue> item) {
        table.key().checkItem(item);
        checkIndexKeys(table, item);
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbErrors.validation("Item size has exceeded the maximum allowed size");
        }
    }

    static void checkForUpdate(TableDefinition table, Map<String, AttributeValue> item) {
        checkIndexKeys(table, item);
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbErrors.validation("Item size to update has exceeded the maximum allowed size");
        }
    }

    /** An index key attribute, when present, must have the declared type and not be empty. */
    static void checkIndexKeys(TableDefinition table, Map<String, AttributeValue> item) {
        for (IndexDefinition index : table.allIndexes()) {
            KeySchema key = index.key();
            checkIndexAttribute(index, key.partitionName(), key.partitionType(), item);
            if (key.hasSort()) {
                checkIndexAttribute(index, key.sortName(), key.sortType(), item);
            }
        }
    }

    private static void checkIndexAttribute(IndexDefinition index, String name, AttributeValue.Type type,
                                            Map<String, AttributeValue> item) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return;
        }
        if (value.type() != type) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                    + name + " Expected: " + type + " Actual: " + value.type() + " IndexName: " + index.name());
        }
        if (KeySchema.isEmpty(value)) {
            throw DynamoDbErrors.validation("One or more parameter values are not valid. A value specified for a "
                    + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain an "
                    + "empty " + KeySchema.kind(value) + " value. IndexName: " + index.name() + ", IndexKey: " + name);
        }
    }
}
