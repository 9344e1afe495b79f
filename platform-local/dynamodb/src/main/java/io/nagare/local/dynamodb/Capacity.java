package io.nagare.local.dynamodb;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.ItemSize;

/** ConsumedCapacity as DynamoDB reports it when ReturnConsumedCapacity is TOTAL or INDEXES. */
final class Capacity {

    private Capacity() {
    }

    static boolean requested(ObjectNode input) {
        String mode = Requests.choice(input, "ReturnConsumedCapacity", "returnConsumedCapacity", "NONE",
                "INDEXES", "TOTAL", "NONE");
        return !mode.equals("NONE");
    }

    /** One unit per KB written (at least one). */
    static double writeUnits(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        int size = Math.max(before == null ? 0 : ItemSize.of(before), after == null ? 0 : ItemSize.of(after));
        return Math.max(1, Math.ceil(size / 1024.0));
    }

    /** One unit per 4 KB read (at least one), halved for eventually consistent reads. */
    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    static void add(ObjectNode out, String tableName, double units) {
        out.putObject("ConsumedCapacity").put("TableName", tableName).put("CapacityUnits", units);
    }
}
