package io.nagare.local.stepfunctions.internal.integration;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.runtime.LocalClock;
import io.nagare.local.stepfunctions.AwsServiceCalls;
import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * Calls the other services of the local runtime through its endpoint, on their own wire protocols: AWS JSON for
 * SQS, EventBridge and DynamoDB, Lambda's REST Invoke. A service the runtime does not run answers "unavailable".
 */
public final class LoopbackServiceCalls implements AwsServiceCalls {

    private record Protocol(String targetPrefix, String contentType, String signingName) {
    }

    private static final Map<String, Protocol> JSON_PROTOCOLS = Map.of(
            "sqs", new Protocol("AmazonSQS", "application/x-amz-json-1.0", "sqs"),
            "events", new Protocol("AWSEvents", "application/x-amz-json-1.1", "events"),
            "dynamodb", new Protocol("DynamoDB_20120810", "application/x-amz-json-1.0", "dynamodb"));
    private static final Duration ENDPOINT_WAIT = Duration.ofMillis(100);
    private static final int ENDPOINT_WAIT_TRIES = 100;
    private static final DateTimeFormatter SIGNING_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final Supplier<String> endpoint;
    private final String region;
    private final LocalClock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** @param endpoint the runtime's endpoint URL, read at each call (it is known only once the runtime listens) */
    public LoopbackServiceCalls(Supplier<String> endpoint, String region, LocalClock clock) {
        this.endpoint = endpoint;
        this.region = region;
        this.clock = clock;
    }

    @Override
    public CompletionStage<JsonNode> call(String service, String operation, JsonNode request) {
        return call(service, operation, request, 0);
    }

    private CompletionStage<JsonNode> call(String service, String operation, JsonNode request, int waited) {
        String base = endpoint.get();
        if (base == null && waited < ENDPOINT_WAIT_TRIES) {
            // Executions resumed while the runtime starts call out before its endpoint listens: try again shortly.
            CompletableFuture<JsonNode> later = new CompletableFuture<>();
            clock.schedule(clock.now().plus(ENDPOINT_WAIT), () -> call(service, operation, request, waited + 1)
                    .whenComplete((value, failure) -> {
                        if (failure != null) {
                            later.completeExceptionally(failure);
                        } else {
                            later.complete(value);
                        }
                    }));
            return later;
        }
        if (base == null || base.endsWith(":0")) {
            return AwsServiceCalls.unavailable().call(service, operation, request);
        }
        HttpRequest httpRequest;
        if (service.equals("lambda") && operation.equals("Invoke")) {
            httpRequest = lambdaInvoke(base, request);
        } else {
            Protocol protocol = JSON_PROTOCOLS.get(service);
            if (protocol == null) {
                return CompletableFuture.failedFuture(new AwsServiceException("ServiceUnavailable",
                        "no local " + service + " service is known to the interpreter"));
            }
            httpRequest = signed(HttpRequest.newBuilder(URI.create(base + "/")), protocol.signingName())
                    .header("X-Amz-Target", protocol.targetPrefix() + "." + operation)
                    .header("Content-Type", protocol.contentType())
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(request))).build();
        }
        return http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> answer(service, operation, response));
    }

    private HttpRequest lambdaInvoke(String base, JsonNode request) {
        String function = request.path("FunctionName").asText();
        JsonNode payload = request.get("Payload");
        String body = payload == null || payload.isNull() ? "{}" : payload.isTextual() ? payload.textValue() : Json.write(payload);
        HttpRequest.Builder builder = signed(HttpRequest.newBuilder(URI.create(base + "/2015-03-31/functions/"
                + URLEncoder.encode(function, StandardCharsets.UTF_8) + "/invocations"
                + (request.hasNonNull("Qualifier") ? "?Qualifier=" + URLEncoder.encode(request.get("Qualifier").asText(),
                StandardCharsets.UTF_8) : ""))), "lambda")
                .header("X-Amz-Invocation-Type", request.path("InvocationType").asText("RequestResponse"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return builder.build();
    }

    private HttpRequest.Builder signed(HttpRequest.Builder builder, String signingName) {
        String date = SIGNING_DATE.format(clock.now());
        return builder.timeout(Duration.ofMinutes(15)).header("Authorization", "AWS4-HMAC-SHA256 Credential=nagare/"
                + date + "/" + region + "/" + signingName + "/aws4_request, SignedHeaders=host, Signature=local");
    }

    private static JsonNode answer(String service, String operation, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (service.equals("lambda") && status / 100 == 2) {
            ObjectNode answer = Json.object();
            answer.put("StatusCode", status);
            answer.set("Payload", body == null || body.isBlank() ? Json.NODES.nullNode() : parseOrText(body));
            response.headers().firstValue("X-Amz-Function-Error").ifPresent(error -> answer.put("FunctionError", error));
            response.headers().firstValue("X-Amz-Executed-Version").ifPresent(v -> answer.put("ExecutedVersion", v));
            return answer;
        }
        if (status / 100 == 2) {
            return body == null || body.isBlank() ? Json.object() : Json.parse(body);
        }
        JsonNode error = parseOrText(body);
        String type = response.headers().firstValue("x-amzn-ErrorType")
                .orElse(error.path("__type").asText(error.path("Type").asText("")));
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
