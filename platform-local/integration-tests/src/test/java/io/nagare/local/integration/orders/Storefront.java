package io.nagare.local.integration.orders;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.gateway.Partner;

/** The storefront partner over HTTP: a client-credentials token, then OrderPlaced CloudEvents to {@code /v1/events}. */
final class Storefront {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI gateway;
    private final Partner partner;

    Storefront(URI gateway, Partner partner) {
        this.gateway = gateway;
        this.partner = partner;
    }

    String token() throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((partner.clientId() + ":" + partner.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode("events/publish", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    /** Posts one OrderPlaced event for one line; answers the HTTP status and body. */
    HttpResponse<String> placeOrder(String token, String orderId, String customerId, String sku, int quantity)
            throws IOException, InterruptedException {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", "nagare.partner.storefront")
                .put("type", "OrderPlaced")
                .put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data").put("orderId", orderId).put("customerId", customerId)
                .put("currency", "EUR").put("total", new java.math.BigDecimal("12.50").multiply(
                        java.math.BigDecimal.valueOf(quantity)));
        data.putArray("lines").addObject().put("sku", sku).put("quantity", quantity)
                .put("unitPrice", new java.math.BigDecimal("12.50"));
        return http.send(HttpRequest.newBuilder(gateway.resolve("/v1/events"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString(event.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
