package io.nagare.local.sqs;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.targets.EventTargetException;
import io.nagare.local.runtime.targets.EventTargetRequest;

/**
 * Delivers an EventBridge target's input to a queue: one SQS {@code SendMessage} with the input as body, the
 * request's attributes as String message attributes and, for a FIFO queue, its message group. It goes through
 * ElasticMQ's API like any client's send, so SQS's own checks apply (a FIFO queue without content-based
 * deduplication refuses it, as EventBridge requires that setting). Failures carry the error codes EventBridge
 * writes to a dead-letter message: a missing queue is {@code NO_RESOURCE} and other refusals
 * {@code INVALID_PARAMETER} (neither retried), an unreachable or failing ElasticMQ is retried.
 */
final class QueueTarget {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = "localhost";

    private final ElasticMqClient client;
    private final String region;
    private final String accountId;

    QueueTarget(ElasticMqClient client, String region, String accountId) {
        this.client = client;
        this.region = region;
        this.accountId = accountId;
    }

    void send(EventTargetRequest request) {
        String queue = queueName(request.targetArn());
        LocalResponse response;
        try {
            response = client.exchange("POST", "/", HOST, Map.of(
                    "Content-Type", SqsProtocol.JSON_CONTENT_TYPE,
                    "X-Amz-Target", SqsProtocol.TARGET_PREFIX + "SendMessage"), body(request, queue));
        } catch (IOException e) {
            throw new EventTargetException("CONNECTION_FAILURE", e.getMessage(), true);
        }
        if (response.status() != 200) {
            throw failure(response);
        }
    }

    private String queueName(String arn) {
        String[] parts = arn.split(":", -1);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("sqs") || parts[5].isEmpty()) {
            throw new EventTargetException("INVALID_PARAMETER", "not an SQS queue ARN: " + arn, false);
        }
        if (!parts[3].equals(region) || !parts[4].equals(accountId)) {
            throw new EventTargetException("NO_RESOURCE", "The specified queue does not exist: " + arn
                    + " (local queues are in region " + region + ", account " + accountId + ")", false);
        }
        return parts[5];
    }

    private byte[] body(EventTargetRequest request, String queue) {
        ObjectNode body = JSON.createObjectNode();
        body.put("QueueUrl", "http://" + HOST + "/" + accountId + "/" + queue);
        body.put("MessageBody", request.input());
        if (!request.messageAttributes().isEmpty()) {
            ObjectNode attributes = body.putObject("MessageAttributes");
            request.messageAttributes().forEach((name, value) ->
                    attributes.putObject(name).put("DataType", "String").put("StringValue", value));
        }
        if (request.messageGroupId() != null) {
            body.put("MessageGroupId", request.messageGroupId());
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a SendMessage request", e);
        }
    }

    private static EventTargetException failure(LocalResponse response) {
        String code = "";
        String message = "HTTP " + response.status();
        try {
            JsonNode error = JSON.readTree(response.body());
            String type = error.path("__type").asText("");
            code = type.substring(type.indexOf('#') + 1);
            message = error.has("message") ? error.path("message").asText() : error.path("Message").asText(message);
        } catch (IOException e) {
            // Not SQS's JSON error shape: the status alone describes it.
        }
        String text = code.isEmpty() ? message : code + ": " + message;
        if (response.status() >= 500) {
            return new EventTargetException("ERROR_FROM_TARGET", text, true);
        }
        return new EventTargetException(code.equals("QueueDoesNotExist") ? "NO_RESOURCE" : "INVALID_PARAMETER",
                text, false);
    }
}
