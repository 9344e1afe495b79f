package io.nagare.shipping;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/** The carrier's API over the JDK HTTP client ({@code CARRIER_API_URL}: the carrier simulator locally). */
final class HttpCarrierApi implements CarrierApi {

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;

    HttpCarrierApi(HttpClient http, URI baseUrl, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    static HttpCarrierApi create(URI baseUrl, Duration timeout) {
        return new HttpCarrierApi(HttpClient.newBuilder().connectTimeout(timeout).build(), baseUrl, timeout);
    }

    @Override
    public String requestShipment(JsonNode request, String idempotencyKey) {
        String url = baseUrl + "/v1/shipments";
        HttpRequest httpRequest = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(httpRequest, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CarrierUnavailableException("carrier: POST " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierUnavailableException("carrier: POST " + url + " interrupted", e);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new CarrierUnavailableException("carrier: POST " + url + " answered " + status + ": "
                    + abbreviate(response.body()), null);
        }
        if (status != 202 && status != 200 && status != 201) {
            throw new CarrierRequestException("carrier: POST " + url + " answered " + status + " (expected 202): "
                    + abbreviate(response.body()));
        }
        JsonNode body;
        try {
            body = ShippingJson.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new CarrierRequestException("carrier: POST " + url + " answered unreadable JSON: "
                    + abbreviate(response.body()), e);
        }
        JsonNode shipmentId = body == null ? null : body.get("shipmentId");
        if (shipmentId == null || !shipmentId.isTextual() || shipmentId.asText().isEmpty()) {
            throw new CarrierRequestException("carrier: the answer to POST " + url + " has no string 'shipmentId': "
                    + abbreviate(response.body()));
        }
        return shipmentId.asText();
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
