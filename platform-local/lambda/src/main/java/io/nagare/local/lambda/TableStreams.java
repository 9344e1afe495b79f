package io.nagare.local.lambda;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.RuntimeContext;

/**
 * A table's DynamoDB stream read through the runtime's DynamoDB Streams API, in-process in its wire protocol
 * ({@code DynamoDBStreams_20120810.<Operation>}), so a stream event source mapping reads exactly what any client
 * would: ListStreams, DescribeStream, GetShardIterator, GetRecords.
 */
final class TableStreams {

    /** One page of records and the iterator after it (null once the shard is closed and read). */
    record Page(List<JsonNode> records, String nextIterator) {
    }

    private final RuntimeContext context;

    TableStreams(RuntimeContext context) {
        this.context = context;
    }

    /** The table's current stream, empty when the table does not exist (yet) or has no stream. */
    Optional<String> latestStream(String table) {
        ObjectNode request = Jsons.MAPPER.createObjectNode().put("TableName", table);
        String latest = null;
        for (JsonNode stream : call("ListStreams", request).path("Streams")) {
            latest = stream.path("StreamArn").asText();
        }
        return Optional.ofNullable(latest);
    }

    /** The stream's shard (the local runtime keeps one per stream). */
    String shard(String streamArn) {
        JsonNode shards = call("DescribeStream", Jsons.MAPPER.createObjectNode().put("StreamArn", streamArn))
                .path("StreamDescription").path("Shards");
        if (shards.isEmpty()) {
            throw new SqsQueues.Unavailable("the stream " + streamArn + " has no shard");
        }
        return shards.get(shards.size() - 1).path("ShardId").asText();
    }

    /** An iterator of {@code type}; {@code sequenceNumber} for AT_ / AFTER_SEQUENCE_NUMBER, else null. */
    String iterator(String streamArn, String shardId, String type, String sequenceNumber) {
        ObjectNode request = Jsons.MAPPER.createObjectNode().put("StreamArn", streamArn).put("ShardId", shardId)
                .put("ShardIteratorType", type);
        if (sequenceNumber != null) {
            request.put("SequenceNumber", sequenceNumber);
        }
        return call("GetShardIterator", request).path("ShardIterator").asText();
    }

    Page records(String iterator, int limit) {
        JsonNode page = call("GetRecords", Jsons.MAPPER.createObjectNode().put("ShardIterator", iterator)
                .put("Limit", limit));
        List<JsonNode> records = new ArrayList<>();
        page.path("Records").forEach(records::add);
        JsonNode next = page.get("NextShardIterator");
        return new Page(records, next == null || next.isNull() ? null : next.asText());
    }

    private JsonNode call(String operation, ObjectNode body) {
        LocalRequest request = new LocalRequest("POST", "/", Map.of(), Map.of(
                "Host", "localhost",
                "Content-Type", "application/x-amz-json-1.0",
                "X-Amz-Target", "DynamoDBStreams_20120810." + operation), Jsons.bytes(body));
        LocalResponse response;
        try {
            response = context.call(request);
        } catch (RuntimeException e) {
            throw new SqsQueues.Unavailable("DynamoDB Streams failed " + operation + ": " + e.getMessage());
        }
        JsonNode json;
        try {
            json = Jsons.parse(response.body());
        } catch (IOException e) {
            throw new SqsQueues.Unavailable("DynamoDB Streams answered " + operation + " with HTTP "
                    + response.status() + " and no JSON");
        }
        if (response.status() != 200) {
            String type = json.path("__type").asText("");
            throw new SqsQueues.Unavailable("DynamoDB Streams refused " + operation + ": "
                    + type.substring(type.indexOf('#') + 1) + ": "
                    + json.path("message").asText(json.path("Message").asText("")));
        }
        return json;
    }
}
