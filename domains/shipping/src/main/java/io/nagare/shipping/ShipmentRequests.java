package io.nagare.shipping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.platform.idempotency.Idempotency;
import io.nagare.platform.saga.ExecutionNames;

/**
 * The {@code request-shipment} step, run with {@code .waitForTaskToken}: it stores the saga's task token with the
 * shipment, asks the carrier (idempotent on the order), publishes ShipmentRequested and returns; the saga waits until
 * {@code carrier-callback} answers the token.
 *
 * <p>Idempotent per token: a duplicate invocation with the same token answers as the first. A retried step comes with
 * a new token: it replaces the stored one (the old wait is over), asks the carrier again (same shipment) and, when the
 * carrier already answered, answers the new token at once, so the saga never waits for a callback that has passed.
 */
final class ShipmentRequests {

    static final String FUNCTION = "request-shipment";

    private final ShipmentRepository shipments;
    private final CarrierApi carrier;
    private final String carrierId;
    private final Idempotency idempotency;
    private final ShippingEvents events;
    private final ShipmentOutcomes outcomes;
    private final Clock clock;

    ShipmentRequests(ShipmentRepository shipments, CarrierApi carrier, String carrierId, Idempotency idempotency,
                     ShippingEvents events, ShipmentOutcomes outcomes, Clock clock) {
        this.shipments = Objects.requireNonNull(shipments, "shipments");
        this.carrier = Objects.requireNonNull(carrier, "carrier");
        this.carrierId = Objects.requireNonNull(carrierId, "carrierId");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.events = Objects.requireNonNull(events, "events");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Output request(JsonNode input) {
        String orderId = text(input, "orderId");
        String customerId = text(input, "customerId");
        String token = text(input, "taskToken");
        JsonNode lines = input.get("lines");
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            throw new IllegalArgumentException(FUNCTION + ": input member 'lines' must be a non-empty array");
        }
        JsonNode address = input.get("shippingAddress");
        String key = Idempotency.key(ExecutionNames.forBusinessKey(orderId), FUNCTION, digest(token));
        return idempotency.run(key, Output.class, () -> {
            Instant now = clock.instant();
            ShipmentItem shipment = shipments.createOrGet(ShipmentItem.requested(orderId, customerId, carrierId, token,
                    now));
            if (!token.equals(shipment.getTaskToken())) {
                shipment = shipments.update(orderId, s -> s.setTaskToken(token));
            }
            if (shipment.status().answered()) {
                outcomes.answer(shipment);
                return new Output(shipment.getShipmentId());
            }
            String shipmentId = carrier.requestShipment(carrierRequest(orderId, customerId, lines, address),
                    orderId + ":shipment");
            if (!shipmentId.equals(shipment.getShipmentId())) {
                shipment = shipments.update(orderId, s -> s.setShipmentId(shipmentId));
            }
            events.requested(shipment, lines, address, now);
            return new Output(shipmentId);
        });
    }

    private static ObjectNode carrierRequest(String orderId, String customerId, JsonNode lines, JsonNode address) {
        ObjectNode request = ShippingJson.MAPPER.createObjectNode();
        request.put("orderId", orderId);
        request.put("customerId", customerId);
        ArrayNode items = request.putArray("lines");
        for (JsonNode line : lines) {
            items.addObject().put("sku", line.path("sku").asText()).set("quantity", line.path("quantity"));
        }
        if (address != null && !address.isNull()) {
            request.set("shippingAddress", address);
        }
        return request;
    }

    private static String text(JsonNode input, String field) {
        JsonNode value = input.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(FUNCTION + ": input member '" + field + "' is required (a string)");
        }
        return value.asText();
    }

    /** Tokens are long and secret: the idempotency key carries a digest. */
    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The step's own answer; the saga's result comes from the carrier's callback. */
    record Output(String shipmentId) {
    }
}
