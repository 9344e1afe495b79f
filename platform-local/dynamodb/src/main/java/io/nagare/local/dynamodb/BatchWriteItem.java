package io.nagare.local.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;

/**
 * BatchWriteItem: up to 25 puts and deletes across tables, without conditions. They are applied together under
 * one commit. UnprocessedItems is always empty: DynamoDB leaves items unprocessed only when throttled, and nothing is
 * throttled here. ReturnItemCollectionMetrics SIZE reports each collection written in a table with an LSI.
 */
final class BatchWriteItem implements Operation {

    private final Database database;

    BatchWriteItem(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        JsonNode requests = input.get("RequestItems");
        if (requests == null || !requests.isObject() || requests.isEmpty()) {
            throw Requests.validationErrors("Value null at 'requestItems' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        List<PlannedWrite> writes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = requests.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            for (JsonNode request : entry.getValue()) {
                PlannedWrite write = plan(entry.getKey(), request);
                String identity = entry.getKey() + ":" + java.util.Base64.getEncoder().encodeToString(write.storageKey());
                if (!seen.add(identity)) {
                    throw DynamoDbErrors.validation("Provided list of item keys contains duplicates");
                }
                writes.add(write);
            }
        }
        if (writes.size() > 25) {
            throw DynamoDbErrors.validation("Too many items requested for the BatchWriteItem call");
        }
        boolean metrics = WriteOptions.collectionMetrics(input);
        database.writes().batch(writes);
        ObjectNode out = Database.NODES.objectNode();
        // Local writes are never throttled, which is the only reason DynamoDB leaves items unprocessed.
        out.putObject("UnprocessedItems");
        WriteOptions.addCollectionMetrics(out, database, metrics, writes);
        return out;
    }

    private PlannedWrite plan(String tableName, JsonNode request) {
        JsonNode put = request.get("PutRequest");
        JsonNode delete = request.get("DeleteRequest");
        if ((put == null) == (delete == null)) {
            throw DynamoDbErrors.validation("A WriteRequest must contain exactly one of PutRequest or DeleteRequest");
        }
        Table table = database.catalog().require(tableName);
        if (put != null) {
            Map<String, AttributeValue> item = Requests.requiredItem(put, "Item", "item");
            ItemChecks.checkForPut(table.definition(), item);
            return PlannedWrite.of(table, table.key().keyOf(item), null, current -> item, false);
        }
        Map<String, AttributeValue> key = Requests.requiredItem(delete, "Key", "key");
        table.key().checkKey(key);
        return PlannedWrite.of(table, key, null, current -> null, false);
    }
}
