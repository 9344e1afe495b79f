package io.nagare.local.stepfunctions.internal.integration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.RuntimeContext;
import io.nagare.local.stepfunctions.AwsServiceCalls;
import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * Calls the other services of the local runtime in-process ({@link RuntimeContext#call}), on their own wire
 * protocols as a client would send them: AWS JSON for SQS, EventBridge and DynamoDB, Lambda's REST Invoke. No socket
 * is involved, so tasks work when the runtime listens on no port and cost no loopback round trip; every request still
 * goes through the target service's protocol code. A service the runtime does not run answers "unavailable".
 */
public final class InProcessServiceCalls implements AwsServiceCalls {

    private record Protocol(String targetPrefix, String contentType, String signingName) {
    }

    private static final Map<String, Protocol> JSON_PROTOCOLS = Map.of(
            "sqs", new Protocol("AmazonSQS", "application/x-amz-json-1.0", "sqs"),
            "events", new Protocol("AWSEvents", "application/x-amz-json-1.1", "events"),
            "dynamodb", new Protocol("DynamoDB_20120810", "application/x-amz-json-1.0", "dynamodb"));
    private static final Duration STARTUP_WAIT = Duration.ofMillis(100);
    private static final int STARTUP_WAIT_TRIES = 100;
    private static final DateTimeFormatter SIGNING_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final RuntimeContext context;
    private final Executor callers;

    /**
     * @param callers where calls run: a task's Lambda function runs on the calling thread, as long as it takes, so the
     *                interpreter's own threads must not be used (a direct executor runs it inline, for tests on a
     *                manual clock)
     */
    public InProcessServiceCalls(RuntimeContext context, Executor callers) {
        this.context = context;
        this.callers = callers;
    }

    @Override
    public CompletionStage<JsonNode> call(String service, String operation, JsonNode request) {
        return call(service, operation, request, 0);
    }

    private CompletionStage<JsonNode> call(String service, String operation, JsonNode request, int waited) {
        if (!context.started()) {
            if (waited >= STARTUP_WAIT_TRIES) {
                return AwsServiceCalls.unavailable().call(service, operation, request);
            }
            // Executions resumed while the runtime creates its services call out before all of them exist: try again shortly.
            CompletableFuture<JsonNode> later = new CompletableFuture<>();
            context.clock().schedule(context.clock().now().plus(STARTUP_WAIT), () -> call(service, operation, request,
                    waited + 1).whenComplete((value, failure) -> {
                        if (failure != null) {
                            later.completeExceptionally(failure);
                        } else {
                            later.complete(value);
                        }
                    }));
            return later;
        }
        LocalRequest localRequest;
        if (service.equals("lambda") && operation.equals("Invoke")) {
            localRequest = lambdaInvoke(request);
        } else {
            Protocol protocol = JSON_PROTOCOLS.get(service);
            if (protocol == null) {
                return CompletableFuture.failedFuture(new AwsServiceException("ServiceUnavailable",
                        "no local " + service + " service is known to the interpreter"));
            }
            Map<String, String> headers = signed(protocol.signingName());
            headers.put("X-Amz-Target", protocol.targetPrefix() + "." + operation);
            headers.put("Content-Type", protocol.contentType());
            localRequest = new LocalRequest("POST", "/", Map.of(), headers,
                    Json.write(request).getBytes(StandardCharsets.UTF_8));
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        callers.execute(() -> {
            try {
                answer.complete(answer(service, operation, context.call(localRequest)));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    private LocalRequest lambdaInvoke(JsonNode request) {
        String function = request.path("FunctionName").asText();
        JsonNode payload = request.get("Payload");
        String body = payload == null || payload.isNull() ? "{}" : payload.isTextual() ? payload.textValue() : Json.write(payload);
        Map<String, String> headers = signed("lambda");
        headers.put("X-Amz-Invocation-Type", request.path("InvocationType").asText("RequestResponse"));
        headers.put("Content-Type", "application/json");
        Map<String, List<String>> query = request.hasNonNull("Qualifier")
                ? Map.of("Qualifier", List.of(request.get("Qualifier").asText())) : Map.of();
        // The endpoint hands services the decoded path; function names and ARNs hold no '/'.
        return new LocalRequest("POST", "/2015-03-31/functions/" + function + "/invocations", query, headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> signed(String signingName) {
        String date = SIGNING_DATE.format(context.clock().now());
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=nagare/" + date + "/" + context.region() + "/"
                + signingName + "/aws4_request, SignedHeaders=host, Signature=local");
        return headers;
    }

    private static JsonNode answer(String service, String operation, LocalResponse response) {
        int status = response.status();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers());
        if (service.equals("lambda") && status / 100 == 2) {
            ObjectNode answer = Json.object();
            answer.put("StatusCode", status);
            answer.set("Payload", body.isBlank() ? Json.NODES.nullNode() : parseOrText(body));
            if (headers.containsKey("X-Amz-Function-Error")) {
                answer.put("FunctionError", headers.get("X-Amz-Function-Error"));
            }
            if (headers.containsKey("X-Amz-Executed-Version")) {
                answer.put("ExecutedVersion", headers.get("X-Amz-Executed-Version"));
            }
            return answer;
        }
        if (status / 100 == 2) {
            return body.isBlank() ? Json.object() : Json.parse(body);
        }
        JsonNode error = parseOrText(body);
        String type = headers.getOrDefault("x-amzn-ErrorType", error.path("__type").asText(error.path("Type").asText("")));
        String code = type.contains("#") ? type.substring(type.indexOf('#') + 1) : type;
        if (code.contains(":")) {
            code = code.substring(0, code.indexOf(':'));
        }
        String message = error.path("message").asText(error.path("Message").asText(body));
        if (code.equals("UnknownOperationException") || code.isEmpty() && status == 404) {
            throw new AwsServiceException("ServiceUnavailable", "no local " + service + " service answers " + operation
                    + " (the runtime answered " + status + ": " + message.strip() + ")");
        }
        throw new AwsServiceException(code.isEmpty() ? "ServiceException" : code, message, status);
    }

    private static JsonNode parseOrText(String body) {
        try {
            return Json.parse(body);
        } catch (IllegalArgumentException e) {
            return Json.NODES.textNode(body);
        }
    }
}
