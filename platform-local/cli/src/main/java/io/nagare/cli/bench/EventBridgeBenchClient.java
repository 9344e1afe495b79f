package io.nagare.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The calls the EventBridge bench makes, on the wire protocols the AWS SDKs use: EventBridge on AWS JSON 1.1
 * ({@code X-Amz-Target: AWSEvents.<Operation>}) and SQS on AWS JSON 1.0 ({@code AmazonSQS.<Operation>}), over one
 * keep-alive HTTP/1.1 client. Requests are not signed: local endpoints do not check signatures.
 */
final class EventBridgeBenchClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient http;

    EventBridgeBenchClient(URI endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** An EventBridge operation; throws {@link CallFailed} with the AWS error type when it fails. */
    JsonNode events(String operation, ObjectNode input) {
        return call("AWSEvents." + operation, "application/x-amz-json-1.1", write(input));
    }

    /** PutEvents with a body already written as JSON text (the bench builds it without a tree). */
    JsonNode putEvents(String body) {
        return call("AWSEvents.PutEvents", "application/x-amz-json-1.1", body);
    }

    /** An SQS operation; throws {@link CallFailed} with the AWS error type when it fails. */
    JsonNode sqs(String operation, ObjectNode input) {
        return call("AmazonSQS." + operation, "application/x-amz-json-1.0", write(input));
    }

    private JsonNode call(String target, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(target + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + target, e);
        }
        JsonNode output;
        try {
            output = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CallFailed(target, "HTTP " + response.statusCode(),
                    new String(response.body(), StandardCharsets.UTF_8));
        }
        if (response.statusCode() != 200) {
            String type = output.path("__type").asText("HTTP " + response.statusCode());
            throw new CallFailed(target, type.substring(type.indexOf('#') + 1), output.path("message").asText(""));
        }
        return output;
    }

    private static String write(ObjectNode input) {
        try {
            return JSON.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An AWS error answer: {@code errorType} is the part of {@code __type} after {@code #}. */
    static final class CallFailed extends RuntimeException {

        private final String errorType;

        CallFailed(String target, String errorType, String message) {
            super(target + ": " + errorType + ": " + message);
            this.errorType = errorType;
        }

        String errorType() {
            return errorType;
        }
    }
}
