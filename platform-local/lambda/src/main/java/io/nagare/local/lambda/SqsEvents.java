package io.nagare.local.lambda;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The event Lambda gives a function for a batch of SQS messages ({@code {"Records": [...]}}, what
 * {@code SQSEvent} reads), and what its {@code SQSBatchResponse} says failed.
 */
final class SqsEvents {

    private SqsEvents() {
    }

    static byte[] event(List<QueueMessage> batch, String queueArn, String region) {
        ObjectNode event = Jsons.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (QueueMessage message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            new TreeMap<>(message.attributes()).forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            new TreeMap<>(message.messageAttributes()).forEach((name, attribute) -> {
                ObjectNode value = messageAttributes.putObject(name);
                if (attribute.stringValue() != null) {
                    value.put("stringValue", attribute.stringValue());
                }
                if (attribute.binaryValue() != null) {
                    value.put("binaryValue", attribute.binaryValue());
                }
                value.putArray("stringListValues");
                value.putArray("binaryListValues");
                value.put("dataType", attribute.dataType());
            });
            record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
        }
        return Jsons.bytes(event);
    }

    /**
     * The message ids a function's response reports as failed ({@code {"batchItemFailures": [{"itemIdentifier":
     * id}]}}), empty when the whole batch succeeded (no response, no or an empty list), or null when the whole batch
     * failed: a response that is not JSON or not an object, or an item whose identifier is missing, empty or not a
     * message of the batch, as Lambda treats them.
     */
    static Set<String> failedMessageIds(byte[] response, List<QueueMessage> batch) {
        JsonNode json;
        try {
            json = response.length == 0 ? null : Jsons.parse(response);
        } catch (IOException e) {
            return null;
        }
        if (json == null || json.isNull() || json.isMissingNode()) {
            return Set.of();
        }
        if (!json.isObject()) {
            return null;
        }
        JsonNode failures = json.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return Set.of();
        }
        if (!failures.isArray()) {
            return null;
        }
        Set<String> inBatch = new HashSet<>();
        batch.forEach(m -> inBatch.add(m.messageId()));
        Set<String> failed = new HashSet<>();
        for (JsonNode failure : failures) {
            JsonNode id = failure.get("itemIdentifier");
            if (id == null || !id.isTextual() || !inBatch.contains(id.asText())) {
                return null;
            }
            failed.add(id.asText());
        }
        return failed;
    }
}
