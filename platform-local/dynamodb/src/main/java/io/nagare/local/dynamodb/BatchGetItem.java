package io.nagare.local.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.AttributeValueJson;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;
import io.nagare.local.dynamodb.internal.item.ItemSize;

/**
 * BatchGetItem: up to 100 keys across tables, no key twice in a table. Items are returned up to 16 MB (counted as
 * DynamoDB counts item sizes, after projection); the keys left are returned in UnprocessedKeys with their table's
 * ProjectionExpression, ExpressionAttributeNames and ConsistentRead, ready to be sent again.
 */
final class BatchGetItem implements Operation {

    /** DynamoDB answers at most 16 MB of items per call. */
    static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final Database database;

    private record Keyed(String table, JsonNode key, GetItem.Request read, byte[] storageKey) {
    }

    BatchGetItem(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        JsonNode requests = input.get("RequestItems");
        if (requests == null || !requests.isObject() || requests.isEmpty()) {
            throw Requests.validationErrors("Value null at 'requestItems' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        int total = 0;
        for (JsonNode request : requests) {
            total += request.path("Keys").size();
        }
        if (total > 100) {
            throw DynamoDbErrors.validation("Too many items requested for the BatchGetItem call");
        }
        List<Keyed> reads = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = requests.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Set<String> seen = new HashSet<>();
            for (JsonNode keyNode : entry.getValue().path("Keys")) {
                Map<String, AttributeValue> key = AttributeValueJson.readItem(keyNode);
                GetItem.Request read = GetItem.readKeyed(database, entry.getKey(), key, entry.getValue());
                byte[] storageKey = read.table().storageKey(key);
                if (!seen.add(java.util.Base64.getEncoder().encodeToString(storageKey))) {
                    throw DynamoDbErrors.validation("Provided list of item keys contains duplicates");
                }
                reads.add(new Keyed(entry.getKey(), keyNode, read, storageKey));
            }
        }
        ObjectNode out = Database.NODES.objectNode();
        ObjectNode responses = out.putObject("Responses");
        ObjectNode unprocessed = out.putObject("UnprocessedKeys");
        for (Iterator<String> names = requests.fieldNames(); names.hasNext(); ) {
            responses.putArray(names.next());
        }
        long bytes = 0;
        for (Keyed keyed : reads) {
            if (bytes >= MAX_RESPONSE_BYTES) {
                unprocessed(unprocessed, requests, keyed);
                continue;
            }
            Map<String, AttributeValue> item = keyed.read().table().get(keyed.storageKey());
            if (item == null) {
                continue;
            }
            Map<String, AttributeValue> projected = keyed.read().project(item);
            int size = ItemSize.of(projected);
            if (bytes + size > MAX_RESPONSE_BYTES) {
                // DynamoDB stops at 16 MB of response and hands the rest back to be asked again.
                bytes = MAX_RESPONSE_BYTES;
                unprocessed(unprocessed, requests, keyed);
                continue;
            }
            bytes += size;
            ((ArrayNode) responses.get(keyed.table())).add(AttributeValueJson.writeItem(projected));
        }
        return out;
    }

    /** Puts the key back under its table in UnprocessedKeys, with the table's read parameters as it was asked. */
    private static void unprocessed(ObjectNode unprocessed, JsonNode requests, Keyed keyed) {
        ObjectNode table = (ObjectNode) unprocessed.get(keyed.table());
        if (table == null) {
            table = unprocessed.putObject(keyed.table());
            ObjectNode asked = (ObjectNode) requests.get(keyed.table());
            for (Iterator<Map.Entry<String, JsonNode>> it = asked.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals("Keys")) {
                    table.set(field.getKey(), field.getValue());
                }
            }
            table.putArray("Keys");
        }
        ((ArrayNode) table.get("Keys")).add(keyed.key());
    }
}
