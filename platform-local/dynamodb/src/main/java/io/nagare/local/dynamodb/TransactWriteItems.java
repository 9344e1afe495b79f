package io.nagare.local.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.expression.Condition;
import io.nagare.local.dynamodb.internal.expression.ExpressionAttributes;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;
import io.nagare.local.runtime.AwsServiceException;

/**
 * TransactWriteItems: up to 100 Put, Update, Delete and ConditionCheck actions on distinct items, all or nothing.
 * A ClientRequestToken makes a retry within ten minutes answer success without running the writes again.
 */
final class TransactWriteItems implements Operation {

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    private final Database database;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    TransactWriteItems(Database database) {
        this.database = database;
    }

    private record Token(JsonNode request, Instant expires) {
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
        String token = Requests.text(input, "ClientRequestToken");
        Instant now = database.runtime().clock().now();
        if (token != null) {
            tokens.values().removeIf(t -> t.expires().isBefore(now));
            Token previous = tokens.get(token);
            if (previous != null) {
                if (!previous.request().equals(withoutToken(input))) {
                    throw new AwsServiceException("IdempotentParameterMismatchException",
                            "The request uses the same client token as a previous, but non-identical request.");
                }
                return Database.NODES.objectNode();
            }
        }
        List<PlannedWrite> writes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode item : items) {
            PlannedWrite write = plan(item);
            String identity = write.table().definition().id() + ":" + java.util.Base64.getEncoder().encodeToString(write.storageKey());
            if (!seen.add(identity)) {
                throw DynamoDbErrors.validation("Transaction request cannot include multiple operations on one item");
            }
            writes.add(write);
        }
        boolean metrics = WriteOptions.collectionMetrics(input);
        database.writes().transact(writes);
        if (token != null) {
            tokens.put(token, new Token(withoutToken(input), now.plus(TOKEN_LIFETIME)));
        }
        ObjectNode out = Database.NODES.objectNode();
        WriteOptions.addCollectionMetrics(out, database, metrics,
                writes.stream().filter(PlannedWrite::writes).toList());
        return out;
    }

    private PlannedWrite plan(JsonNode item) {
        ObjectNode action;
        if ((action = Requests.object(item, "Put")) != null) {
            return PutItem.plan(database, action);
        }
        if ((action = Requests.object(item, "Update")) != null) {
            return UpdateItem.plan(database, action).write();
        }
        if ((action = Requests.object(item, "Delete")) != null) {
            return DeleteItem.plan(database, action);
        }
        if ((action = Requests.object(item, "ConditionCheck")) != null) {
            return conditionCheck(action);
        }
        throw DynamoDbErrors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
    }

    private PlannedWrite conditionCheck(ObjectNode input) {
        String tableName = Requests.tableName(input);
        Map<String, AttributeValue> key = Requests.requiredItem(input, "Key", "key");
        if (!Requests.has(input, "ConditionExpression")) {
            throw Requests.validationErrors("Value null at 'transactItems.1.member.conditionCheck.conditionExpression' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        ExpressionAttributes attributes = Requests.expressionAttributes(input, true);
        Condition condition = WriteOptions.condition(input, attributes);
        attributes.checkAllUsed();
        Table table = database.catalog().require(tableName);
        table.key().checkKey(key);
        return PlannedWrite.of(table, key, condition, null, WriteOptions.returnItemOnFailure(input));
    }

    private static JsonNode withoutToken(ObjectNode input) {
        ObjectNode copy = input.deepCopy();
        copy.remove("ClientRequestToken");
        return copy;
    }
}
