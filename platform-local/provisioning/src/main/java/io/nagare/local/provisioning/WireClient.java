package io.nagare.local.provisioning;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.RuntimeContext;

/**
 * Calls the runtime's services in-process on their AWS JSON protocols ({@code X-Amz-Target}), exactly as an SDK
 * would, so provisioning goes through the same checks as any client.
 */
final class WireClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One AWS JSON API: its target prefix and content type. */
    enum Api {
        DYNAMODB("DynamoDB_20120810", "application/x-amz-json-1.0"),
        SQS("AmazonSQS", "application/x-amz-json-1.0"),
        STEP_FUNCTIONS("AWSStepFunctions", "application/x-amz-json-1.0"),
        EVENTBRIDGE("AWSEvents", "application/x-amz-json-1.1");

        private final String targetPrefix;
        private final String contentType;

        Api(String targetPrefix, String contentType) {
            this.targetPrefix = targetPrefix;
            this.contentType = contentType;
        }
    }

    /** An error the service answered: its AWS error code (without the {@code prefix#}) and message. */
    static final class ServiceError extends RuntimeException {
        private final String code;

        ServiceError(String operation, String code, String message) {
            super(operation + " failed: " + code + ": " + message, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }

        boolean is(String... codes) {
            for (String candidate : codes) {
                if (code.equals(candidate)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final RuntimeContext context;
    private final String host;

    WireClient(RuntimeContext context, String host) {
        this.context = context;
        this.host = host;
    }

    ObjectNode request() {
        return JSON.createObjectNode();
    }

    JsonNode call(Api api, String operation, ObjectNode body) {
        LocalResponse response;
        try {
            response = context.call(new LocalRequest("POST", "/", Map.of(), Map.of(
                    "Host", host,
                    "Content-Type", api.contentType,
                    "X-Amz-Target", api.targetPrefix + "." + operation), JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the " + operation + " request", e);
        }
        JsonNode answer;
        try {
            answer = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ServiceError(operation, "HTTP " + response.status(), "the answer is not JSON");
        }
        if (response.status() != 200) {
            String type = answer.path("__type").asText("HTTP " + response.status());
            throw new ServiceError(operation, type.substring(type.indexOf('#') + 1),
                    answer.path("message").asText(answer.path("Message").asText("")));
        }
        return answer;
    }
}
