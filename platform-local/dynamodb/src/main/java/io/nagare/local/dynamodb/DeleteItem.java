package io.nagare.local.dynamodb;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.expression.Condition;
import io.nagare.local.dynamodb.internal.expression.ExpressionAttributes;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.AttributeValueJson;

/** DeleteItem: removes the item when the condition holds (deleting a missing item succeeds). */
final class DeleteItem implements Operation {

    private final Database database;

    DeleteItem(Database database) {
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
            Capacity.add(out, write.table().name(), Capacity.writeUnits(outcome.before(), null));
        }
        return out;
    }

    static PlannedWrite plan(Database database, ObjectNode input) {
        Requests.refuseLegacy(input);
        String tableName = Requests.tableName(input);
        Map<String, AttributeValue> key = Requests.requiredItem(input, "Key", "key");
        ExpressionAttributes attributes = Requests.expressionAttributes(input, Requests.has(input, "ConditionExpression"));
        Condition condition = WriteOptions.condition(input, attributes);
        attributes.checkAllUsed();
        Table table = database.catalog().require(tableName);
        table.key().checkKey(key);
        return PlannedWrite.of(table, key, condition, current -> null, WriteOptions.returnItemOnFailure(input));
    }
}
