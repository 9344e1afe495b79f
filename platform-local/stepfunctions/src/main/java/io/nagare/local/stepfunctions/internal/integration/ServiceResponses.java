package io.nagare.local.stepfunctions.internal.integration;

import java.util.UUID;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.stepfunctions.internal.asl.StatesError;
import io.nagare.local.stepfunctions.internal.json.Json;

/** What optimized integrations add to a service's answer, and how service errors become task errors. */
final class ServiceResponses {

    private ServiceResponses() {
    }

    /** The response with the SDK metadata Step Functions' optimized integrations add. */
    static ObjectNode withSdkMetadata(JsonNode response) {
        ObjectNode out = response instanceof ObjectNode object ? Json.shallowCopy(object) : Json.object();
        ObjectNode http = Json.object();
        http.set("AllHttpHeaders", Json.object());
        http.set("HttpHeaders", Json.object());
        http.put("HttpStatusCode", 200);
        out.set("SdkHttpMetadata", http);
        ObjectNode metadata = Json.object();
        metadata.put("RequestId", UUID.randomUUID().toString());
        out.set("SdkResponseMetadata", metadata);
        return out;
    }

    /** A service failure as the task error AWS reports: {@code <Prefix>.<ErrorCode>} with the service's message. */
    static Throwable taskError(String prefix, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof StatesError) {
            return cause;
        }
        if (cause instanceof AwsServiceException service) {
            if (service.errorCode().equals("ServiceUnavailable")) {
                return new StatesError(StatesError.TASK_FAILED, service.getMessage());
            }
            return new StatesError(prefix + "." + service.errorCode(), service.getMessage());
        }
        return new StatesError(StatesError.TASK_FAILED, prefix + " call failed: " + cause);
    }

    /** A JSON value as a string field value: strings stay, other JSON is written out. */
    static JsonNode asText(JsonNode value) {
        return value == null || value.isTextual() ? value : Json.NODES.textNode(Json.write(value));
    }
}
