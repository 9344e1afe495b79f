package io.nagare.sagas.orderfulfilment;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.stepfunctions.AwsServiceCalls;

/**
 * What answers the tasks a test case leaves unmocked: {@code request-shipment} (keeps the task token and returns,
 * as the shipping function does; the test then plays the carrier) and SQS SendMessage to the incident queue (keeps
 * the message). Any other call fails, naming it: a test case must mock every other step.
 */
final class StandInServices implements AwsServiceCalls {

    /** Amounts keep their scale (39.80 stays 39.80), as the engine and the functions keep them. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private final List<JsonNode> shipmentRequests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> sentMessages = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<JsonNode> call(String service, String operation, JsonNode request) {
        if (service.equals("lambda") && operation.equals("Invoke") && request.path("FunctionName").asText()
                .equals(OrderFulfilmentKit.FUNCTION_ARN_PREFIX + "request-shipment")) {
            shipmentRequests.add(request.path("Payload"));
            ObjectNode response = JSON.createObjectNode();
            response.put("StatusCode", 200);
            response.putObject("Payload").put("shipmentId", "s-o-1");
            return CompletableFuture.completedFuture(response);
        }
        if (service.equals("sqs") && operation.equals("SendMessage")) {
            sentMessages.add(request);
            ObjectNode response = JSON.createObjectNode();
            response.put("MessageId", "m-" + sentMessages.size());
            return CompletableFuture.completedFuture(response);
        }
        return CompletableFuture.failedFuture(new AwsServiceException("ServiceUnavailable",
                "the test case mocks no answer for " + service + " " + operation + " " + request));
    }

    /** The payloads request-shipment was invoked with, in order. */
    List<JsonNode> shipmentRequests() {
        return List.copyOf(shipmentRequests);
    }

    /** The task token of the latest request-shipment invocation. */
    String taskToken() {
        if (shipmentRequests.isEmpty()) {
            throw new IllegalStateException("request-shipment was not invoked");
        }
        return shipmentRequests.get(shipmentRequests.size() - 1).path("taskToken").asText();
    }

    /** SendMessage requests as SQS received them ({@code QueueUrl}, {@code MessageBody} as text). */
    List<JsonNode> sentMessages() {
        return List.copyOf(sentMessages);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
