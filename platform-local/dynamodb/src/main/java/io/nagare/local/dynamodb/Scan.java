package io.nagare.local.dynamodb;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.AttributeValueJson;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;
import io.nagare.local.dynamodb.internal.item.KeyCodec;

/**
 * Scan: the whole table or index in stored-key (hash) order, a page at a time. Segment i of TotalSegments n reads
 * the i-th of n equal slices of the partition hash space, so parallel segments never overlap.
 */
final class Scan implements Operation {

    private static final long HASH_SPACE = 1L << 32;

    private final Database database;

    Scan(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        Integer segment = Requests.has(input, "Segment") ? input.get("Segment").asInt() : null;
        Integer totalSegments = Requests.has(input, "TotalSegments") ? input.get("TotalSegments").asInt() : null;
        checkSegments(segment, totalSegments);
        ReadOptions options = ReadOptions.read(database, input, null, new io.nagare.local.dynamodb.internal.expression.Condition[1]);
        ReadTarget target = options.target();
        byte[] lower = null;
        byte[] upper = null;
        if (totalSegments != null) {
            lower = KeyCodec.hashBound(HASH_SPACE * segment / totalSegments);
            long end = HASH_SPACE * (segment + 1) / totalSegments;
            upper = end >= HASH_SPACE ? null : KeyCodec.hashBound(end);
        }
        Map<String, AttributeValue> start = AttributeValueJson.readItem(input.get("ExclusiveStartKey"));
        if (start != null) {
            byte[] after = target.startKey(start);
            byte[] next = Arrays.copyOf(after, after.length + 1);
            lower = lower == null || Arrays.compareUnsigned(next, lower) > 0 ? next : lower;
        }
        Iterator<Map.Entry<byte[], byte[]>> entries = target.entries(lower, upper, false);
        return PageReader.read(target, entries, options.filter(), options.projection(), options.countOnly(),
                options.limit(), options.fromTable(), options.consistent(), Capacity.requested(input));
    }

    private static void checkSegments(Integer segment, Integer totalSegments) {
        if (segment != null && totalSegments == null) {
            throw DynamoDbErrors.validation("The TotalSegments parameter is required but was not present in the "
                    + "request when Segment parameter is present");
        }
        if (totalSegments != null && segment == null) {
            throw DynamoDbErrors.validation("The Segment parameter is required but was not present in the request "
                    + "when parameter TotalSegments is present");
        }
        if (totalSegments == null) {
            return;
        }
        if (totalSegments < 1 || totalSegments > 1_000_000) {
            throw Requests.validationErrors("Value '" + totalSegments + "' at 'totalSegments' failed to satisfy "
                    + "constraint: Member must have value " + (totalSegments < 1 ? "greater than or equal to 1"
                    : "less than or equal to 1000000"));
        }
        if (segment < 0) {
            throw Requests.validationErrors("Value '" + segment + "' at 'segment' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 0");
        }
        if (segment >= totalSegments) {
            throw DynamoDbErrors.validation("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
        }
    }
}
