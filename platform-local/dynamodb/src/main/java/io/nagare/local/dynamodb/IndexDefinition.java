package io.nagare.local.dynamodb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nagare.local.dynamodb.internal.item.AttributeValue;

/**
 * A secondary index: its key, and which attributes it projects (ALL, KEYS_ONLY, or INCLUDE with named ones).
 *
 * @param global true for a GSI, false for an LSI
 */
record IndexDefinition(String name, boolean global, KeySchema key, String projectionType,
                       List<String> nonKeyAttributes, long readCapacity, long writeCapacity) {

    IndexDefinition {
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    }

    /** The item as the index stores it, for a table with key {@code tableKey}. */
    Map<String, AttributeValue> project(Map<String, AttributeValue> item, KeySchema tableKey) {
        if (projectionType.equals("ALL")) {
            return item;
        }
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (tableKey.isKeyAttribute(name) || key.isKeyAttribute(name)
                    || (projectionType.equals("INCLUDE") && nonKeyAttributes.contains(name))) {
                projected.put(name, value);
            }
        });
        return projected;
    }

    /** Whether a read of {@code attribute} from this index can be answered from its projection. */
    boolean projects(String attribute, KeySchema tableKey) {
        return projectionType.equals("ALL") || tableKey.isKeyAttribute(attribute) || key.isKeyAttribute(attribute)
                || nonKeyAttributes.contains(attribute);
    }
}
