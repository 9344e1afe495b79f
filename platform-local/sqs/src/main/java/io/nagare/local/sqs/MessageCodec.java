package io.nagare.local.sqs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.elasticmq.BinaryMessageAttribute;
import org.elasticmq.DeduplicationId;
import org.elasticmq.MessageAttribute;
import org.elasticmq.MessageContent;
import org.elasticmq.NeverReceived$;
import org.elasticmq.NumberMessageAttribute;
import org.elasticmq.OnDateTimeReceived;
import org.elasticmq.Received;
import org.elasticmq.StringMessageAttribute;
import org.elasticmq.TracingId;
import org.elasticmq.actor.queue.InternalMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * An ElasticMQ message as stored JSON, every field kept: FIFO flag, order index and creation time to the nanosecond
 * (FIFO order), receive count and first receive (redrive, ApproximateReceiveCount), next delivery (visibility),
 * receipts, deduplication id, sequence number and the dead-letter source queue.
 */
final class MessageCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageCodec() {
    }

    /** The id of a stored message, without reading the rest. */
    static String id(String stored) {
        try {
            return JSON.readTree(stored).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("a stored SQS message is not valid JSON", e);
        }
    }

    static String write(InternalMessage message) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", message.id());
        CollectionConverters.asJava(message.deliveryReceipts()).forEach(json.putArray("receipts")::add);
        json.put("nextDelivery", message.nextDelivery());
        json.put("body", message.content().value());
        ObjectNode attributes = json.putObject("attributes");
        CollectionConverters.asJava(message.messageAttributes()).forEach((name, attribute) ->
                attributes.set(name, attribute(attribute)));
        json.put("created", message.created().toString());
        json.put("orderIndex", message.orderIndex());
        if (message.firstReceive() instanceof OnDateTimeReceived received) {
            json.put("firstReceive", received.when().toString());
        }
        json.put("receiveCount", message.receiveCount());
        json.put("fifo", message.isFifo());
        putOptional(json, "groupId", message.messageGroupId());
        putOptional(json, "deduplicationId", message.messageDeduplicationId().map(DeduplicationId::id));
        putOptional(json, "tracingId", message.tracingId().map(TracingId::id));
        putOptional(json, "sequenceNumber", message.sequenceNumber());
        putOptional(json, "deadLetterSourceQueue", message.deadLetterSourceQueueName());
        return json.toString();
    }

    static InternalMessage read(String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored SQS message is not valid JSON", e);
        }
        List<String> receipts = new ArrayList<>();
        json.path("receipts").forEach(receipt -> receipts.add(receipt.asText()));
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        json.path("attributes").properties().forEach(attribute ->
                attributes.put(attribute.getKey(), attribute(attribute.getValue())));
        Received firstReceive = json.hasNonNull("firstReceive")
                ? new OnDateTimeReceived(OffsetDateTime.parse(json.get("firstReceive").asText()))
                : NeverReceived$.MODULE$;
        return new InternalMessage(json.get("id").asText(), CollectionConverters.asScala(receipts),
                json.get("nextDelivery").asLong(), new MessageContent(json.get("body").asText()),
                scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(attributes)),
                OffsetDateTime.parse(json.get("created").asText()), json.get("orderIndex").asInt(), firstReceive,
                json.get("receiveCount").asInt(), json.get("fifo").asBoolean(), optional(json, "groupId"),
                optional(json, "deduplicationId").map(DeduplicationId::new),
                optional(json, "tracingId").map(TracingId::new), optional(json, "sequenceNumber"),
                optional(json, "deadLetterSourceQueue"));
    }

    private static ObjectNode attribute(MessageAttribute attribute) {
        ObjectNode json = JSON.createObjectNode();
        if (attribute instanceof StringMessageAttribute string) {
            json.put("type", "String").put("value", string.stringValue());
        } else if (attribute instanceof NumberMessageAttribute number) {
            json.put("type", "Number").put("value", number.stringValue());
        } else {
            json.put("type", "Binary").put("value", ((BinaryMessageAttribute) attribute).asBase64());
        }
        putOptional(json, "customType", attribute.customType());
        return json;
    }

    private static MessageAttribute attribute(JsonNode json) {
        String value = json.get("value").asText();
        Option<String> customType = optional(json, "customType");
        return switch (json.get("type").asText()) {
            case "String" -> new StringMessageAttribute(value, customType);
            case "Number" -> new NumberMessageAttribute(value, customType);
            default -> BinaryMessageAttribute.fromBase64(value, customType);
        };
    }

    private static void putOptional(ObjectNode json, String field, Option<String> value) {
        if (value.isDefined()) {
            json.put(field, value.get());
        }
    }

    private static Option<String> optional(JsonNode json, String field) {
        return json.hasNonNull(field) ? Option.apply(json.get(field).asText()) : Option.empty();
    }
}
