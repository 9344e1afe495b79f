package io.nagare.local.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.expression.Condition;
import io.nagare.local.dynamodb.internal.expression.ExpressionAttributes;
import io.nagare.local.dynamodb.internal.expression.Expressions;

/** The parts every item write shares: its ConditionExpression and ReturnValuesOnConditionCheckFailure. */
final class WriteOptions {

    private WriteOptions() {
    }

    static Condition condition(ObjectNode input, ExpressionAttributes attributes) {
        String text = Requests.text(input, "ConditionExpression");
        return text == null ? null : Expressions.condition(text, "ConditionExpression", attributes);
    }

    static boolean returnItemOnFailure(ObjectNode input) {
        return Requests.choice(input, "ReturnValuesOnConditionCheckFailure", "returnValuesOnConditionCheckFailure",
                "NONE", "ALL_OLD", "NONE").equals("ALL_OLD");
    }

    /** Whether ReturnItemCollectionMetrics is SIZE. */
    static boolean collectionMetrics(ObjectNode input) {
        return Requests.choice(input, "ReturnItemCollectionMetrics", "returnItemCollectionMetrics", "NONE",
                "SIZE", "NONE").equals("SIZE");
    }

    /** Adds ItemCollectionMetrics for a single-item write when asked and the table has local secondary indexes. */
    static void addCollectionMetrics(ObjectNode out, Database database, boolean requested, PlannedWrite write) {
        if (!requested) {
            return;
        }
        ObjectNode metrics = database.writes().collections().metrics(write.table(), write.key());
        if (metrics != null) {
            out.set("ItemCollectionMetrics", metrics);
        }
    }

    /** ItemCollectionMetrics of several writes (BatchWriteItem, TransactWriteItems): per table, one per collection. */
    static void addCollectionMetrics(ObjectNode out, Database database, boolean requested,
                                     java.util.List<PlannedWrite> writes) {
        if (!requested) {
            return;
        }
        ObjectNode byTable = null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (PlannedWrite write : writes) {
            Table table = write.table();
            if (!ItemCollections.tracked(table) || !seen.add(table.name() + "\u0000"
                    + java.util.Base64.getEncoder().encodeToString(io.nagare.local.dynamodb.internal.item.KeyCodec
                    .partitionPrefix(table.key().partition(write.key()))))) {
                continue;
            }
            if (byTable == null) {
                byTable = out.putObject("ItemCollectionMetrics");
            }
            com.fasterxml.jackson.databind.node.ArrayNode list = byTable.has(table.name())
                    ? (com.fasterxml.jackson.databind.node.ArrayNode) byTable.get(table.name())
                    : byTable.putArray(table.name());
            list.add(database.writes().collections().metrics(table, write.key()));
        }
    }

    /** ReturnValues for PutItem and DeleteItem, which only know NONE and ALL_OLD. */
    static boolean returnOld(ObjectNode input) {
        String value = Requests.text(input, "ReturnValues");
        if (value == null || value.equals("NONE")) {
            return false;
        }
        if (value.equals("ALL_OLD")) {
            return true;
        }
        Requests.choice(input, "ReturnValues", "returnValues", "NONE",
                "ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");
        throw io.nagare.local.dynamodb.internal.item.DynamoDbErrors.validation("ReturnValues can only be ALL_OLD or NONE");
    }
}
