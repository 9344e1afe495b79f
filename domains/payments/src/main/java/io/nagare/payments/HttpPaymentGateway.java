package io.nagare.payments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The payment provider's REST API over the JDK HTTP client ({@code PAYMENT_GATEWAY_URL}: the simulator locally):
 * {@code POST /v1/authorizations} (201, or 402 with {@code declineReason}), {@code POST
 * /v1/authorizations/{id}/capture | void | refund}, each with an {@code Idempotency-Key} header.
 */
final class HttpPaymentGateway implements PaymentGateway {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;
    private final ObjectMapper mapper;

    HttpPaymentGateway(HttpClient http, URI baseUrl, Duration timeout, ObjectMapper mapper) {
        this.http = Objects.requireNonNull(http, "http");
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    static HttpPaymentGateway create(URI baseUrl, Duration timeout, ObjectMapper mapper) {
        return new HttpPaymentGateway(HttpClient.newBuilder().connectTimeout(timeout).build(), baseUrl, timeout,
                mapper);
    }

    @Override
    public Authorization authorize(AuthorizationRequest request, String idempotencyKey) {
        ObjectNode body = mapper.createObjectNode();
        body.put("reference", request.reference());
        body.put("amount", request.amount());
        body.put("currency", request.currency());
        body.put("customerId", request.customerId());
        HttpResponse<String> response = post("/v1/authorizations", body, idempotencyKey);
        if (response.statusCode() == 402) {
            JsonNode declined = read(response, "/v1/authorizations");
            throw new PaymentDeclinedException(text(declined, "declineReason", "/v1/authorizations"),
                    declined.path("providerDeclineCode").isTextual() ? declined.get("providerDeclineCode").asText()
                            : null);
        }
        JsonNode granted = expect(response, 201, "/v1/authorizations");
        return new Authorization(text(granted, "authorizationId", "/v1/authorizations"),
                text(granted, "authorizationCode", "/v1/authorizations"));
    }

    @Override
    public void capture(String authorizationId, String idempotencyKey) {
        String path = "/v1/authorizations/" + authorizationId + "/capture";
        expect(post(path, mapper.createObjectNode(), idempotencyKey), 200, path);
    }

    @Override
    public void voidAuthorization(String authorizationId, String idempotencyKey) {
        String path = "/v1/authorizations/" + authorizationId + "/void";
        expect(post(path, mapper.createObjectNode(), idempotencyKey), 200, path);
    }

    @Override
    public String refund(String authorizationId, String idempotencyKey) {
        String path = "/v1/authorizations/" + authorizationId + "/refund";
        return text(expect(post(path, mapper.createObjectNode(), idempotencyKey), 201, path), "refundId", path);
    }

    private HttpResponse<String> post(String path, JsonNode body, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new PaymentProviderUnavailableException("payment provider: POST " + path + " timed out after "
                    + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new PaymentProviderUnavailableException("payment provider: POST " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentProviderUnavailableException("payment provider: POST " + path + " interrupted", e);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new PaymentProviderUnavailableException("payment provider: POST " + path + " answered " + status
                    + ": " + abbreviate(response.body()));
        }
        return response;
    }

    private JsonNode expect(HttpResponse<String> response, int status, String path) {
        if (response.statusCode() != status) {
            throw new PaymentGatewayException(response.statusCode(), "payment provider: POST " + path + " answered "
                    + response.statusCode() + " (expected " + status + "): " + abbreviate(response.body()));
        }
        return read(response, path);
    }

    private JsonNode read(HttpResponse<String> response, String path) {
        try {
            JsonNode body = mapper.readTree(response.body());
            if (body == null || !body.isObject()) {
                throw new PaymentGatewayException(response.statusCode(), "payment provider: POST " + path
                        + " answered " + response.statusCode() + " without a JSON object: " + abbreviate(response.body()));
            }
            return body;
        } catch (IOException e) {
            throw new PaymentGatewayException(response.statusCode(), "payment provider: POST " + path + " answered "
                    + response.statusCode() + " with unreadable JSON: " + abbreviate(response.body()), e);
        }
    }

    private static String text(JsonNode body, String field, String path) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new PaymentGatewayException(0, "payment provider: the answer to POST " + path + " has no string '"
                    + field + "': " + abbreviate(body.toString()));
        }
        return value.asText();
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
