package io.nagare.local.stepfunctions.internal.integration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.stepfunctions.AwsServiceCalls;
import io.nagare.local.stepfunctions.internal.asl.StatesError;
import io.nagare.local.stepfunctions.internal.asl.TaskResource;
import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * Lambda tasks: a function ARN as Resource (the result is the function's payload) or
 * {@code arn:aws:states:::lambda:invoke} (the result is the Invoke response with the payload in {@code Payload}).
 * A function error fails the task with the function's {@code errorType} and its payload as cause.
 */
final class LambdaIntegration implements TaskIntegration {

    private final AwsServiceCalls calls;

    LambdaIntegration(AwsServiceCalls calls) {
        this.calls = calls;
    }

    @Override
    public CompletionStage<JsonNode> invoke(TaskInvocation invocation) {
        TaskResource resource = invocation.resource();
        ObjectNode request;
        boolean function = resource.kind() == TaskResource.Kind.LAMBDA_FUNCTION;
        if (function) {
            request = Json.object();
            request.put("FunctionName", resource.arn());
            request.set("Payload", invocation.parameters());
            request.put("InvocationType", "RequestResponse");
        } else if (!resource.action().equals("invoke")) {
            return CompletableFuture.failedFuture(StatesError.runtime("not supported: lambda:" + resource.action()
                    + " (only lambda:invoke)"));
        } else if (!(invocation.parameters() instanceof ObjectNode params) || !params.hasNonNull("FunctionName")) {
            return CompletableFuture.failedFuture(new StatesError(StatesError.RUNTIME,
                    "The field 'FunctionName' is required by arn:aws:states:::lambda:invoke"));
        } else {
            request = params;
        }
        return calls.call("lambda", "Invoke", request).handle((response, failure) -> {
            if (failure != null) {
                throw asCompletion(ServiceResponses.taskError("Lambda", failure));
            }
            JsonNode payload = response.get("Payload");
            if (response.hasNonNull("FunctionError")) {
                String errorType = payload != null && payload.hasNonNull("errorType")
                        ? payload.get("errorType").asText() : "Lambda.Unknown";
                throw asCompletion(new StatesError(errorType, payload == null ? null : Json.write(payload)));
            }
            if (function) {
                return payload == null ? Json.NODES.nullNode() : payload;
            }
            ObjectNode out = Json.object();
            out.put("ExecutedVersion", response.path("ExecutedVersion").asText("$LATEST"));
            out.set("Payload", payload == null ? Json.NODES.nullNode() : payload);
            out.put("StatusCode", response.path("StatusCode").asInt(200));
            ObjectNode withMetadata = ServiceResponses.withSdkMetadata(out);
            return withMetadata;
        });
    }

    private static RuntimeException asCompletion(Throwable error) {
        return error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
    }
}
