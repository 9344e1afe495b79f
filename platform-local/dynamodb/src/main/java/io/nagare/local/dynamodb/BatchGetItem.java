package io.nagare.local.dynamodb;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.AttributeValueJson;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;

/** BatchGetItem: up to 100 keys across tables; everything is processed, so UnprocessedKeys is always empty. */
final class BatchGetItem implements Operation {

    private final Database database;

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
        ObjectNode out = Database.NODES.objectNode();
        ObjectNode responses = out.putObject("Responses");
        for (Iterator<Map.Entry<String, JsonNode>> it = requests.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            ArrayNode found = responses.putArray(entry.getKey());
            Set<String> seen = new HashSet<>();
            for (JsonNode keyNode : entry.getValue().path("Keys")) {
                Map<String, AttributeValue> key = AttributeValueJson.readItem(keyNode);
                GetItem.Request read = GetItem.readKeyed(database, entry.getKey(), key, entry.getValue());
                byte[] storageKey = read.table().storageKey(key);
                if (!seen.add(java.util.Base64.getEncoder().encodeToString(storageKey))) {
                    throw DynamoDbErrors.validation("Provided list of item keys contains duplicates");
                }
                Map<String, AttributeValue> item = read.table().get(storageKey);
                if (item != null) {
                    found.add(AttributeValueJson.writeItem(read.project(item)));
                }
            }
        }
        out.putObject("UnprocessedKeys");
        return out;
    }
}
