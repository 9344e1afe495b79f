package io.nagare.local.stepfunctions;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.runtime.AwsServiceException;

/**
 * How Task states reach the other AWS services: one operation of a service ({@code lambda}, {@code sqs},
 * {@code events}, {@code dynamodb}) with the request and response in that service's own JSON shapes, e.g.
 * {@code call("sqs", "SendMessage", {"QueueUrl": ..., "MessageBody": ...})}. A service error completes the stage
 * with an {@link AwsServiceException} carrying AWS's error code.
 *
 * <p>Lambda's {@code Invoke} takes {@code FunctionName}, {@code Payload} (any JSON) and {@code InvocationType}, and
 * answers {@code StatusCode}, {@code Payload} and, for a function error, {@code FunctionError}.
 */
@FunctionalInterface
public interface AwsServiceCalls {

    CompletionStage<JsonNode> call(String service, String operation, JsonNode request);

    /** No other local service is wired: every call fails, naming what was asked. */
    static AwsServiceCalls unavailable() {
        return (service, operation, request) -> CompletableFuture.failedFuture(new AwsServiceException(
                "ServiceUnavailable", "no local " + service + " service answers " + operation
                + " yet; start one in the runtime or mock this task (MockConfigFile)"));
    }
}
