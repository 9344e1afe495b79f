package io.nagare.local.stepfunctions.internal.integration;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.stepfunctions.AwsServiceCalls;
import io.nagare.local.stepfunctions.internal.asl.StatesError;

/**
 * An optimized integration that maps Step Functions actions to one service's operations (SQS sendMessage,
 * EventBridge putEvents, DynamoDB getItem/putItem/updateItem/deleteItem), shaping the request as Step Functions
 * does and adding the SDK metadata to the answer.
 */
final class ServiceIntegration implements TaskIntegration {

    private final AwsServiceCalls calls;
    private final String service;
    private final String errorPrefix;
    private final Map<String, String> operations;
    private final UnaryOperator<JsonNode> shapeRequest;

    ServiceIntegration(AwsServiceCalls calls, String service, String errorPrefix, Map<String, String> operations,
                       UnaryOperator<JsonNode> shapeRequest) {
        this.calls = calls;
        this.service = service;
        this.errorPrefix = errorPrefix;
        this.operations = operations;
        this.shapeRequest = shapeRequest;
    }

    @Override
    public CompletionStage<JsonNode> invoke(TaskInvocation invocation) {
        String operation = operations.get(invocation.resource().action());
        if (operation == null) {
            return CompletableFuture.failedFuture(StatesError.runtime("not supported: " + service + ":"
                    + invocation.resource().action() + " (supported: " + operations.keySet() + ")"));
        }
        if (!invocation.parameters().isObject()) {
            return CompletableFuture.failedFuture(StatesError.runtime("The parameters of " + service + ":"
                    + invocation.resource().action() + " must be a JSON object"));
        }
        return calls.call(service, operation, shapeRequest.apply(invocation.parameters())).handle((response, failure) -> {
            if (failure != null) {
                Throwable error = ServiceResponses.taskError(errorPrefix, failure);
                throw error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
            }
            return ServiceResponses.withSdkMetadata(response);
        });
    }
}
