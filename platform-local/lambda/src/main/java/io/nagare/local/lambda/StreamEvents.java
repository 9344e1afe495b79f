package io.nagare.local.lambda;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What Lambda gives a function for a batch of DynamoDB stream records ({@code {"Records": [...]}}: each record as
 * GetRecords answers it plus {@code eventSourceARN}, what {@code DynamodbEvent} reads), what its
 * {@code StreamsEventResponse} says failed, and the record an on-failure destination receives for a skipped batch.
 */
final class StreamEvents {

    private StreamEvents() {
    }

    static byte[] event(List<JsonNode> batch, String streamArn) {
        ObjectNode event = Jsons.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (JsonNode record : batch) {
            ObjectNode copy = record.deepCopy();
            copy.put("eventSourceARN", streamArn);
            records.add(copy);
        }
        return Jsons.bytes(event);
    }

    static String sequenceNumber(JsonNode record) {
        return record.path("dynamodb").path("SequenceNumber").asText();
    }

    /**
     * Where a batch failed by the function's response ({@code {"batchItemFailures": [{"itemIdentifier":
     * sequenceNumber}]}}): the index of the earliest failed record, {@code batch.size()} when the whole batch
     * succeeded (no response, no or an empty list), 0 when the response cannot be read or names a record not in the
     * batch (Lambda then treats the whole batch as failed).
     */
    static int firstFailure(byte[] response, List<JsonNode> batch) {
        JsonNode json;
        try {
            json = response.length == 0 ? null : Jsons.parse(response);
        } catch (IOException e) {
            return 0;
        }
        if (json == null || json.isNull() || json.isMissingNode()) {
            return batch.size();
        }
        if (!json.isObject()) {
            return 0;
        }
        JsonNode failures = json.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return batch.size();
        }
        if (!failures.isArray()) {
            return 0;
        }
        int first = batch.size();
        for (JsonNode failure : failures) {
            JsonNode id = failure.get("itemIdentifier");
            int at = -1;
            for (int i = 0; id != null && id.isTextual() && i < batch.size(); i++) {
                if (sequenceNumber(batch.get(i)).equals(id.asText())) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                return 0;
            }
            first = Math.min(first, at);
        }
        return first;
    }

    /** Lambda's on-failure record for a stream batch it skipped: what failed, never the records themselves. */
    static String onFailureRecord(String requestId, String functionArn, int invokeCount, FunctionInvoker.Result last,
                                  String shardId, String streamArn, List<JsonNode> batch, Instant now) {
        ObjectNode record = Jsons.MAPPER.createObjectNode();
        record.putObject("requestContext").put("requestId", requestId).put("functionArn", functionArn)
                .put("condition", "RetryAttemptsExhausted").put("approximateInvokeCount", invokeCount);
        ObjectNode response = record.putObject("responseContext").put("statusCode", 200)
                .put("executedVersion", "$LATEST");
        if (last != null && last.failed()) {
            response.put("functionError", "Unhandled");
        }
        record.put("version", "1.0");
        record.put("timestamp", now.toString());
        record.putObject("DDBStreamBatchInfo")
                .put("shardId", shardId)
                .put("startSequenceNumber", sequenceNumber(batch.get(0)))
                .put("endSequenceNumber", sequenceNumber(batch.get(batch.size() - 1)))
                .put("approximateArrivalOfFirstRecord", arrival(batch.get(0)))
                .put("approximateArrivalOfLastRecord", arrival(batch.get(batch.size() - 1)))
                .put("batchSize", batch.size())
                .put("streamArn", streamArn);
        return Jsons.text(record);
    }

    private static String arrival(JsonNode record) {
        JsonNode seconds = record.path("dynamodb").path("ApproximateCreationDateTime");
        return Instant.ofEpochMilli(Math.round(seconds.asDouble() * 1000)).toString();
    }
}
