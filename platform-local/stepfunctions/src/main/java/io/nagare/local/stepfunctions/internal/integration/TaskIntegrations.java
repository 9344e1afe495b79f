package io.nagare.local.stepfunctions.internal.integration;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.stepfunctions.AwsServiceCalls;
import io.nagare.local.stepfunctions.internal.asl.StatesError;
import io.nagare.local.stepfunctions.internal.asl.TaskResource;
import io.nagare.local.stepfunctions.internal.json.Json;

/** The task integrations, keyed by the service of a Task's resource. */
public final class TaskIntegrations {

    private final Map<String, TaskIntegration> byService = new HashMap<>();

    /** @param stepFunctions the integration for {@code arn:aws:states:::states:*} (this service itself) */
    public TaskIntegrations(AwsServiceCalls calls, TaskIntegration stepFunctions) {
        byService.put("lambda", new LambdaIntegration(calls));
        byService.put("sqs", new ServiceIntegration(calls, "sqs", "SQS", Map.of("sendMessage", "SendMessage"),
                TaskIntegrations::sqsRequest));
        byService.put("events", new ServiceIntegration(calls, "events", "EventBridge", Map.of("putEvents", "PutEvents"),
                TaskIntegrations::eventsRequest));
        byService.put("dynamodb", new ServiceIntegration(calls, "dynamodb", "DynamoDB", Map.of("getItem", "GetItem",
                "putItem", "PutItem", "updateItem", "UpdateItem", "deleteItem", "DeleteItem"), request -> request));
        byService.put("states", stepFunctions);
    }

    public TaskIntegration forResource(TaskResource resource) {
        if (resource.kind() == TaskResource.Kind.ACTIVITY) {
            return invocation -> CompletableFuture.failedFuture(StatesError.runtime("not supported: activity tasks ("
                    + resource.arn() + ")"));
        }
        TaskIntegration integration = byService.get(resource.service());
        if (integration == null) {
            return invocation -> CompletableFuture.failedFuture(StatesError.runtime("not supported: the "
                    + resource.service() + " integration (" + resource.arn() + "); supported: lambda, sqs, events, "
                    + "dynamodb, states"));
        }
        return integration;
    }

    private static JsonNode sqsRequest(JsonNode parameters) {
        ObjectNode request = Json.shallowCopy((ObjectNode) parameters);
        if (request.has("MessageBody")) {
            request.set("MessageBody", ServiceResponses.asText(request.get("MessageBody")));
        }
        return request;
    }

    private static JsonNode eventsRequest(JsonNode parameters) {
        ObjectNode request = Json.shallowCopy((ObjectNode) parameters);
        if (request.get("Entries") instanceof ArrayNode entries) {
            ArrayNode shaped = Json.array();
            for (JsonNode entry : entries) {
                if (entry instanceof ObjectNode object && object.has("Detail")) {
                    ObjectNode copy = Json.shallowCopy(object);
                    copy.set("Detail", ServiceResponses.asText(object.get("Detail")));
                    shaped.add(copy);
                } else {
                    shaped.add(entry);
                }
            }
            request.set("Entries", shaped);
        }
        return request;
    }
}
