package io.nagare.local.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.AttributeValueJson;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;

/** TransactGetItems: up to 100 items read together, so no transaction is seen half-applied among them. */
final class TransactGetItems implements Operation {

    private final Database database;

    TransactGetItems(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        JsonNode items = input.get("TransactItems");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw Requests.validationErrors("Value null at 'transactItems' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        if (items.size() > 100) {
            throw Requests.validationErrors("Value at 'transactItems' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 100");
        }
        List<GetItem.Request> reads = new ArrayList<>();
        for (JsonNode item : items) {
            ObjectNode get = Requests.object(item, "Get");
            if (get == null) {
                throw DynamoDbErrors.validation("TransactItems can only contain Get");
            }
            reads.add(GetItem.readKeyed(database, Requests.tableName(get),
                    Requests.requiredItem(get, "Key", "key"), get));
        }
        List<Table> tables = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (GetItem.Request read : reads) {
            tables.add(read.table());
            keys.add(read.table().storageKey(read.key()));
        }
        List<Map<String, AttributeValue>> found = database.writes().readTogether(tables, keys);
        ObjectNode out = Database.NODES.objectNode();
        ArrayNode responses = out.putArray("Responses");
        for (int i = 0; i < reads.size(); i++) {
            ObjectNode response = responses.addObject();
            if (found.get(i) != null) {
                response.set("Item", AttributeValueJson.writeItem(reads.get(i).project(found.get(i))));
            }
        }
        return out;
    }
}
