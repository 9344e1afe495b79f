package io.nagare.cli.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The storefront partner's side of the partner API on the local gateway: a client-credentials token from the OAuth2
 * issuer, then {@code OrderPlaced} CloudEvents posted to {@code /v1/events}, as a real storefront would.
 */
final class PartnerApi {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String STOREFRONT = "storefront";
    private static final String SOURCE = "nagare.partner.storefront";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI gateway;
    private final String clientId;
    private final String clientSecret;
    private volatile String token;
    private volatile Instant tokenExpires = Instant.MIN;

    private PartnerApi(URI gateway, String clientId, String clientSecret) {
        this.gateway = gateway;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** The storefront's credentials from {@code partners.json}, which the gateway writes at its first start. */
    static PartnerApi storefront(URI gateway, Path partnersFile) throws IOException {
        if (!Files.exists(partnersFile)) {
            throw new IllegalStateException(partnersFile + " does not exist: the gateway writes it when it starts; "
                    + "is ./nagare up running with this --data-dir?");
        }
        for (JsonNode partner : JSON.readTree(partnersFile.toFile())) {
            if (partner.path("name").asText().equals(STOREFRONT)) {
                return new PartnerApi(gateway, partner.path("clientId").asText(), partner.path("clientSecret").asText());
            }
        }
        throw new IllegalStateException(partnersFile + " has no partner named '" + STOREFRONT + "'");
    }

    /** A valid access token, fetched again a minute before it expires. */
    synchronized String token() throws IOException, InterruptedException {
        if (token != null && Instant.now().isBefore(tokenExpires.minusSeconds(60))) {
            return token;
        }
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode("events/publish processes/read", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the token endpoint " + gateway.resolve("/oauth2/token") + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        token = answer.path("access_token").asText();
        tokenExpires = Instant.now().plusSeconds(answer.path("expires_in").asLong(3600));
        return token;
    }

    /**
     * Posts the order's OrderPlaced event; true once the gateway accepted it (202, also as a duplicate). Throttling
     * (429) and transient failures (503) are retried after the {@code retry-after} the gateway gives.
     */
    boolean place(DemoOrder order) throws IOException, InterruptedException {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.nameUUIDFromBytes(order.orderId().getBytes(StandardCharsets.UTF_8)).toString())
                .put("source", SOURCE)
                .put("type", "OrderPlaced")
                .put("subject", "orders/" + order.orderId())
                .put("time", Instant.now().toString())
                .put("datacontenttype", "application/json");
        order.data(event.putObject("data"), Instant.now());
        // Long enough to outlast an event left in progress by a platform killed mid-request (35 s), and throttling.
        Instant giveUpAt = Instant.now().plus(GIVE_UP_AFTER);
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/v1/events"))
                    .header("Authorization", "Bearer " + token())
                    .header("Content-Type", "application/cloudevents+json")
                    .POST(HttpRequest.BodyPublishers.ofString(event.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                order.accepted(Instant.now());
                return true;
            }
            if ((response.statusCode() == 429 || response.statusCode() == 503) && Instant.now().isBefore(giveUpAt)) {
                long seconds = response.headers().firstValueAsLong("retry-after").orElse(1);
                Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
                continue;
            }
            throw new IllegalStateException("order " + order.orderId() + ": POST /v1/events answered "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
