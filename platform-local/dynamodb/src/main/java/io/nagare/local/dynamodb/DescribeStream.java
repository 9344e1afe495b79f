package io.nagare.local.dynamodb;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.h2.mvstore.MVMap;

/** DescribeStream: one shard, open while the stream is enabled and closed (with its last sequence) after. */
final class DescribeStream implements Operation {

    private final Database database;
    private final StreamLog log;

    DescribeStream(Database database, StreamLog log) {
        this.database = database;
        this.log = log;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        String arn = Requests.text(input, "StreamArn");
        TableDefinition definition = Streams.table(database, arn).definition();
        MVMap<Long, byte[]> records = log.records(definition.id(), definition.streamLabel());
        log.trim(records);
        ObjectNode out = Database.NODES.objectNode();
        ObjectNode description = out.putObject("StreamDescription");
        description.put("StreamArn", arn);
        description.put("StreamLabel", definition.streamLabel());
        description.put("StreamStatus", definition.streamEnabled() ? "ENABLED" : "DISABLED");
        description.put("StreamViewType", definition.streamViewType() == null ? "NEW_AND_OLD_IMAGES"
                : definition.streamViewType());
        description.put("CreationRequestDateTime", TableDescriptions.seconds(
                Instant.from(CreateTable.STREAM_LABEL.parse(definition.streamLabel())).toEpochMilli()));
        description.put("TableName", definition.name());
        description.set("KeySchema", TableDescriptions.keySchema(definition.key()));
        ObjectNode shard = description.putArray("Shards").addObject();
        shard.put("ShardId", Streams.shardId(definition));
        ObjectNode range = shard.putObject("SequenceNumberRange");
        Long first = StreamLog.firstRecord(records);
        range.put("StartingSequenceNumber", StreamLog.sequenceNumber(first == null ? StreamLog.nextSequence(records)
                : first));
        if (!definition.streamEnabled()) {
            range.put("EndingSequenceNumber", StreamLog.sequenceNumber(StreamLog.nextSequence(records) - 1));
        }
        return out;
    }
}
