package io.nagare.local.dynamodb;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.expression.Condition;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.AttributeValueJson;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;

/** Query: one partition of the table or an index, in sort-key order (or reverse), a page at a time. */
final class Query implements Operation {

    private final Database database;

    Query(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        String keyConditionText = Requests.text(input, "KeyConditionExpression");
        if (keyConditionText == null) {
            throw DynamoDbErrors.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        Condition[] keyCondition = new Condition[1];
        ReadOptions options = ReadOptions.read(database, input, keyConditionText, keyCondition);
        ReadTarget target = options.target();
        KeySchema key = target.key();
        KeyRange range = KeyRange.of(keyCondition[0], key);
        if (options.filter() != null) {
            for (String attribute : ReadOptions.filterAttributes(options.filter())) {
                if (key.isKeyAttribute(attribute)) {
                    throw DynamoDbErrors.validation("Filter Expression can only contain non-primary key attributes: "
                            + "Primary key attribute: " + attribute);
                }
            }
        }
        boolean forward = Requests.bool(input, "ScanIndexForward", true);
        byte[] lower = range.lowerInclusive();
        byte[] upper = range.upperExclusive();
        Map<String, AttributeValue> start = AttributeValueJson.readItem(input.get("ExclusiveStartKey"));
        if (start != null) {
            byte[] after = target.startKey(start);
            if (Arrays.compareUnsigned(after, range.lowerInclusive()) < 0
                    || (range.upperExclusive() != null && Arrays.compareUnsigned(after, range.upperExclusive()) >= 0)) {
                throw DynamoDbErrors.validation(
                        "The provided starting key is outside query boundaries based on provided conditions");
            }
            if (forward) {
                byte[] next = Arrays.copyOf(after, after.length + 1);
                lower = Arrays.compareUnsigned(next, lower) > 0 ? next : lower;
            } else if (upper == null || Arrays.compareUnsigned(after, upper) < 0) {
                upper = after;
            }
        }
        Iterator<Map.Entry<byte[], byte[]>> entries = target.entries(lower, upper, !forward);
        return PageReader.read(target, entries, options.filter(), options.projection(), options.countOnly(),
                options.limit(), options.fromTable(), options.consistent(), Capacity.requested(input));
    }
}
