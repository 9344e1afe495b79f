package io.nagare.local.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.expression.Condition;
import io.nagare.local.dynamodb.internal.expression.DocumentPath;
import io.nagare.local.dynamodb.internal.expression.ExpressionAttributes;
import io.nagare.local.dynamodb.internal.expression.Expressions;
import io.nagare.local.dynamodb.internal.expression.Projection;
import io.nagare.local.dynamodb.internal.expression.UpdateExpression;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.AttributeValueJson;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;

/** UpdateItem: applies an UpdateExpression (creating the item when absent); all five ReturnValues. */
final class UpdateItem implements Operation {

    private final Database database;

    UpdateItem(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        String returnValues = Requests.choice(input, "ReturnValues", "returnValues", "NONE",
                "ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");
        boolean metrics = WriteOptions.collectionMetrics(input);
        Plan plan = plan(database, input);
        PlannedWrite.Outcome outcome = database.writes().execute(plan.write());
        ObjectNode out = Database.NODES.objectNode();
        Map<String, AttributeValue> returned = returned(returnValues, plan.update(), outcome);
        if (returned != null && !returned.isEmpty()) {
            out.set("Attributes", AttributeValueJson.writeItem(returned));
        }
        WriteOptions.addCollectionMetrics(out, database, metrics, plan.write());
        if (Capacity.requested(input)) {
            Capacity.add(out, plan.write().table().name(), Capacity.writeUnits(outcome.before(), outcome.after()));
        }
        return out;
    }

    private static Map<String, AttributeValue> returned(String returnValues, UpdateExpression update,
                                                        PlannedWrite.Outcome outcome) {
        switch (returnValues) {
            case "ALL_OLD":
                return outcome.before();
            case "ALL_NEW":
                return outcome.after();
            case "UPDATED_OLD":
                return outcome.before() == null || update == null ? null
                        : new Projection(update.targets()).apply(outcome.before());
            case "UPDATED_NEW":
                return update == null ? null : new Projection(update.targets()).apply(outcome.after());
            default:
                return null;
        }
    }

    /** The write and the parsed update (null when the request has no UpdateExpression). */
    record Plan(PlannedWrite write, UpdateExpression update) {
    }

    static Plan plan(Database database, ObjectNode input) {
        Requests.refuseLegacy(input);
        String tableName = Requests.tableName(input);
        Map<String, AttributeValue> key = Requests.requiredItem(input, "Key", "key");
        String updateText = Requests.text(input, "UpdateExpression");
        ExpressionAttributes attributes = Requests.expressionAttributes(input,
                updateText != null || Requests.has(input, "ConditionExpression"));
        UpdateExpression update = updateText == null ? null : Expressions.update(updateText, attributes);
        Condition condition = WriteOptions.condition(input, attributes);
        attributes.checkAllUsed();
        Table table = database.catalog().require(tableName);
        KeySchema schema = table.key();
        schema.checkKey(key);
        if (update != null) {
            for (DocumentPath target : update.targets()) {
                if (schema.isKeyAttribute(target.head())) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: Cannot update attribute "
                            + target.head() + ". This attribute is part of the key");
                }
            }
        }
        PlannedWrite write = PlannedWrite.of(table, key, condition, current -> {
            Map<String, AttributeValue> base = current == null ? new LinkedHashMap<>(key) : current;
            Map<String, AttributeValue> next = update == null ? base : update.apply(base);
            ItemChecks.checkForUpdate(table.definition(), next);
            return next;
        }, WriteOptions.returnItemOnFailure(input));
        return new Plan(write, update);
    }
}
