package io.nagare.local.dynamodb;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.expression.ExpressionAttributes;
import io.nagare.local.dynamodb.internal.expression.Expressions;
import io.nagare.local.dynamodb.internal.expression.Projection;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.AttributeValueJson;
import io.nagare.local.dynamodb.internal.item.ItemSize;

/** GetItem: one item by key, optionally projected. Reads are always strongly consistent here. */
final class GetItem implements Operation {

    private final Database database;

    GetItem(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        Request request = read(database, input);
        Map<String, AttributeValue> item = request.table().get(request.table().storageKey(request.key()));
        ObjectNode out = Database.NODES.objectNode();
        if (item != null) {
            out.set("Item", AttributeValueJson.writeItem(request.project(item)));
        }
        if (Capacity.requested(input)) {
            Capacity.add(out, request.table().name(), Capacity.readUnits(item == null ? 0 : ItemSize.of(item),
                    Requests.bool(input, "ConsistentRead", false)));
        }
        return out;
    }

    /** A read of one item (also an element of BatchGetItem and TransactGetItems). */
    record Request(Table table, Map<String, AttributeValue> key, Projection projection) {
        Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
            return projection == null ? item : projection.apply(item);
        }
    }

    static Request read(Database database, ObjectNode input) {
        Requests.refuseLegacy(input);
        String tableName = Requests.tableName(input);
        Map<String, AttributeValue> key = Requests.requiredItem(input, "Key", "key");
        return readKeyed(database, tableName, key, input);
    }

    /** {@code options} holds ProjectionExpression and ExpressionAttributeNames for this read. */
    static Request readKeyed(Database database, String tableName, Map<String, AttributeValue> key, JsonNode options) {
        String projectionText = Requests.text(options, "ProjectionExpression");
        ExpressionAttributes attributes = Requests.expressionAttributes(options, projectionText != null);
        Projection projection = projectionText == null ? null : Expressions.projection(projectionText, attributes);
        attributes.checkAllUsed();
        Table table = database.catalog().require(tableName);
        table.key().checkKey(key);
        return new Request(table, key, projection);
    }
}
