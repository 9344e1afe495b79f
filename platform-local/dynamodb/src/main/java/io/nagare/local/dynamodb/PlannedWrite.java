package io.nagare.local.dynamodb;

import java.util.Map;
import java.util.function.UnaryOperator;

import io.nagare.local.dynamodb.internal.expression.Condition;
import io.nagare.local.dynamodb.internal.item.AttributeValue;

/**
 * One item write as a request asks for it, ready to run against the item's current value: the condition it must
 * meet and how it turns the current item (null when absent) into the new one (null to delete). A condition check
 * of a transaction has no change.
 *
 * @param returnItemOnFailure ReturnValuesOnConditionCheckFailure ALL_OLD
 */
record PlannedWrite(Table table, Map<String, AttributeValue> key, byte[] storageKey, Condition condition,
                    UnaryOperator<Map<String, AttributeValue>> change, boolean returnItemOnFailure) {

    static PlannedWrite of(Table table, Map<String, AttributeValue> key, Condition condition,
                           UnaryOperator<Map<String, AttributeValue>> change, boolean returnItemOnFailure) {
        return new PlannedWrite(table, key, table.storageKey(key), condition, change, returnItemOnFailure);
    }

    boolean writes() {
        return change != null;
    }

    /** Whether the condition holds for the current item (an absent item is an empty one). */
    boolean conditionHolds(Map<String, AttributeValue> current) {
        return condition == null || condition.matches(current == null ? Map.of() : current);
    }

    /** What the write did: the item before and after. */
    record Outcome(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
    }
}
