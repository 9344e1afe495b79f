package io.nagare.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;
import org.h2.mvstore.MVMap;

/**
 * GetShardIterator: TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER; a sequence number already
 * trimmed fails with TrimmedDataAccessException. The iterator carries when it was issued (it expires after 15 minutes).
 */
final class GetShardIterator implements Operation {

    private final Database database;
    private final StreamLog log;

    GetShardIterator(Database database, StreamLog log) {
        this.database = database;
        this.log = log;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        String arn = Requests.text(input, "StreamArn");
        TableDefinition definition = Streams.table(database, arn).definition();
        String shardId = Requests.text(input, "ShardId");
        if (!Streams.shardId(definition).equals(shardId)) {
            throw DynamoDbErrors.resourceNotFound("Requested resource not found: Shard does not exist");
        }
        MVMap<Long, byte[]> records = log.records(definition.id(), definition.streamLabel());
        log.trim(records);
        String type = Requests.choice(input, "ShardIteratorType", "shardIteratorType", null,
                "TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");
        if (type == null) {
            throw Requests.validationErrors("Value null at 'shardIteratorType' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        long next;
        switch (type) {
            case "TRIM_HORIZON" -> {
                Long first = StreamLog.firstRecord(records);
                next = first == null ? StreamLog.nextSequence(records) : first;
            }
            case "LATEST" -> next = StreamLog.nextSequence(records);
            default -> {
                String sequenceNumber = Requests.text(input, "SequenceNumber");
                if (sequenceNumber == null) {
                    throw DynamoDbErrors.validation("SequenceNumber is required for ShardIteratorType " + type);
                }
                long sequence = StreamLog.sequence(sequenceNumber);
                next = type.equals("AT_SEQUENCE_NUMBER") ? sequence : sequence + 1;
                StreamLog.checkNotTrimmed(records, sequence);
            }
        }
        ObjectNode out = Database.NODES.objectNode();
        out.put("ShardIterator", Streams.iterator(arn, shardId, next, database.runtime().clock().now()));
        return out;
    }
}
