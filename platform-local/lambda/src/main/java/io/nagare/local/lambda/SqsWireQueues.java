package io.nagare.local.lambda;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.RuntimeContext;
import io.nagare.local.runtime.targets.EventTargetInvoker;

/**
 * {@link SqsQueues} through the runtime's own SQS service, in-process, in the SQS JSON protocol the AWS SDK v2
 * speaks ({@code AmazonSQS.ReceiveMessage}, {@code AmazonSQS.DeleteMessageBatch}), so every SQS rule (visibility,
 * receive counts, redrive to the dead-letter queue) applies as it does to any client. The SQS service is the one that
 * delivers EventBridge's queue targets ({@link EventTargetInvoker.Sqs}), which also serves the SQS API.
 */
final class SqsWireQueues implements SqsQueues {

    private static final String HOST = "localhost";

    private final RuntimeContext context;

    SqsWireQueues(RuntimeContext context) {
        this.context = context;
    }

    @Override
    public List<QueueMessage> receive(String queue, int maxMessages) {
        ObjectNode request = Jsons.MAPPER.createObjectNode();
        request.put("QueueUrl", queueUrl(queue));
        request.put("MaxNumberOfMessages", maxMessages);
        request.put("WaitTimeSeconds", 0);
        request.putArray("AttributeNames").add("All");
        request.putArray("MessageSystemAttributeNames").add("All");
        request.putArray("MessageAttributeNames").add("All");
        List<QueueMessage> messages = new ArrayList<>();
        for (JsonNode message : call("ReceiveMessage", request).path("Messages")) {
            messages.add(message(message));
        }
        return messages;
    }

    @Override
    public void delete(String queue, List<QueueMessage> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            ObjectNode request = Jsons.MAPPER.createObjectNode();
            request.put("QueueUrl", queueUrl(queue));
            ArrayNode entries = request.putArray("Entries");
            for (int i = from; i < Math.min(from + 10, messages.size()); i++) {
                entries.addObject().put("Id", Integer.toString(i)).put("ReceiptHandle", messages.get(i).receiptHandle());
            }
            JsonNode failed = call("DeleteMessageBatch", request).path("Failed");
            if (!failed.isEmpty()) {
                throw new Unavailable("SQS did not delete " + failed.size() + " message(s) from " + queue + ": "
                        + failed);
            }
        }
    }

    private String queueUrl(String queue) {
        return "http://" + HOST + "/" + context.accountId() + "/" + queue;
    }

    private JsonNode call(String operation, ObjectNode body) {
        LocalService sqs = sqs().orElseThrow(() -> new Unavailable("no local SQS service in this runtime"));
        LocalRequest request = new LocalRequest("POST", "/", Map.of(), Map.of(
                "Host", HOST,
                "Content-Type", "application/x-amz-json-1.0",
                "X-Amz-Target", "AmazonSQS." + operation), Jsons.bytes(body));
        LocalResponse response = sqs.handle(request);
        JsonNode json;
        try {
            json = Jsons.parse(response.body());
        } catch (IOException e) {
            throw new Unavailable("SQS answered " + operation + " with HTTP " + response.status() + " and no JSON");
        }
        if (response.status() != 200) {
            String type = json.path("__type").asText("");
            throw new Unavailable("SQS refused " + operation + ": " + type.substring(type.indexOf('#') + 1) + ": "
                    + json.path("message").asText(json.path("Message").asText("")));
        }
        return json;
    }

    private Optional<LocalService> sqs() {
        return context.service(EventTargetInvoker.Sqs.class)
                .filter(LocalService.class::isInstance)
                .map(LocalService.class::cast);
    }

    private static QueueMessage message(JsonNode json) {
        Map<String, String> attributes = new HashMap<>();
        json.path("Attributes").properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
        Map<String, QueueMessage.Attribute> messageAttributes = new HashMap<>();
        json.path("MessageAttributes").properties().forEach(e -> messageAttributes.put(e.getKey(),
                new QueueMessage.Attribute(e.getValue().path("DataType").asText(),
                        text(e.getValue(), "StringValue"), text(e.getValue(), "BinaryValue"))));
        return new QueueMessage(json.path("MessageId").asText(), json.path("ReceiptHandle").asText(),
                json.path("Body").asText(), text(json, "MD5OfBody"), attributes, text(json, "MD5OfMessageAttributes"),
                messageAttributes);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
