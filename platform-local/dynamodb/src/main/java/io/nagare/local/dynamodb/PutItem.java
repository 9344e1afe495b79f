package io.nagare.local.dynamodb;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.expression.Condition;
import io.nagare.local.dynamodb.internal.expression.ExpressionAttributes;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.AttributeValueJson;

/** PutItem: replaces the whole item when the condition holds; ReturnValues NONE or ALL_OLD. */
final class PutItem implements Operation {

    private final Database database;

    PutItem(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        boolean returnOld = WriteOptions.returnOld(input);
        boolean metrics = WriteOptions.collectionMetrics(input);
        PlannedWrite write = plan(database, input);
        PlannedWrite.Outcome outcome = database.writes().execute(write);
        ObjectNode out = Database.NODES.objectNode();
        if (returnOld && outcome.before() != null) {
            out.set("Attributes", AttributeValueJson.writeItem(outcome.before()));
        }
        WriteOptions.addCollectionMetrics(out, database, metrics, write);
        if (Capacity.requested(input)) {
            Capacity.add(out, write.table().name(), Capacity.writeUnits(outcome.before(), outcome.after()));
        }
        return out;
    }

    /** The write a Put asks for (also a Put of TransactWriteItems and a PutRequest of BatchWriteItem). */
    static PlannedWrite plan(Database database, ObjectNode input) {
        Requests.refuseLegacy(input);
        String tableName = Requests.tableName(input);
        Map<String, AttributeValue> item = Requests.requiredItem(input, "Item", "item");
        ExpressionAttributes attributes = Requests.expressionAttributes(input, Requests.has(input, "ConditionExpression"));
        Condition condition = WriteOptions.condition(input, attributes);
        attributes.checkAllUsed();
        Table table = database.catalog().require(tableName);
        ItemChecks.checkForPut(table.definition(), item);
        return PlannedWrite.of(table, table.key().keyOf(item), condition, current -> item,
                WriteOptions.returnItemOnFailure(input));
    }
}
