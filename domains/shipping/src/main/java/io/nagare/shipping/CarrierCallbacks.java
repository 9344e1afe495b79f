package io.nagare.shipping;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.events.shipping.v1.ShipmentDispatched;
import io.nagare.events.shipping.v1.ShipmentFailed;
import io.nagare.events.shipping.v1.ShipmentStatusUpdated;

/**
 * One carrier event (as EventBridge delivers it to the {@code carrier-events} queue) applied to the order's shipment,
 * then passed on to the waiting saga. The record is written first, so a redelivered event answers the token again
 * (a token already answered is dropped by {@link TaskCallbacks}).
 */
final class CarrierCallbacks {

    private static final System.Logger LOG = System.getLogger(CarrierCallbacks.class.getName());

    private final ShipmentRepository shipments;
    private final ShipmentOutcomes outcomes;
    private final Clock clock;

    CarrierCallbacks(ShipmentRepository shipments, ShipmentOutcomes outcomes, Clock clock) {
        this.shipments = Objects.requireNonNull(shipments, "shipments");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void handle(JsonNode event) {
        String type = event.path("detail-type").asText();
        JsonNode detail = event.path("detail");
        String orderId = required(detail, "orderId", type);
        String shipmentId = required(detail, "shipmentId", type);
        if (shipments.find(orderId).isEmpty()) {
            throw new IllegalStateException("carrier-callback: " + type + " for order '" + orderId
                    + "', which has no shipment: request-shipment stores one before it calls the carrier");
        }
        Instant now = clock.instant();
        ShipmentItem shipment;
        switch (type) {
            case ShipmentStatusUpdated.DETAIL_TYPE: {
                ShipmentStatus status = ShipmentStatus.valueOf(required(detail, "status", type));
                shipment = shipments.update(orderId, s -> {
                    match(s, shipmentId);
                    if (s.status().canBecome(status)) {
                        s.transition(status, now);
                    }
                });
                if (shipment.status().answered()) {
                    LOG.log(System.Logger.Level.INFO, "order ''{0}'': tracking update {1} after the shipment was {2}:"
                            + " no heartbeat", orderId, status, shipment.getStatus());
                    return;
                }
                outcomes.answer(shipment);
                return;
            }
            case ShipmentDispatched.DETAIL_TYPE:
                shipment = shipments.update(orderId, s -> {
                    match(s, shipmentId);
                    if (s.status() != ShipmentStatus.DISPATCHED) {
                        s.transition(ShipmentStatus.DISPATCHED, now);
                        s.setCarrier(required(detail, "carrier", type));
                        s.setTrackingNumber(required(detail, "trackingNumber", type));
                        s.setDispatchedAt(required(detail, "dispatchedAt", type));
                    }
                });
                outcomes.answer(shipment);
                return;
            case ShipmentFailed.DETAIL_TYPE:
                shipment = shipments.update(orderId, s -> {
                    match(s, shipmentId);
                    if (s.status() != ShipmentStatus.FAILED) {
                        s.transition(ShipmentStatus.FAILED, now);
                        s.setFailureReason(required(detail, "reason", type));
                        s.setFailureDetail(detail.path("detail").isTextual() ? detail.get("detail").asText() : null);
                    }
                });
                outcomes.answer(shipment);
                return;
            default:
                throw new IllegalArgumentException("carrier-callback: not supported: detail-type '" + type
                        + "'; expected ShipmentStatusUpdated, ShipmentDispatched or ShipmentFailed");
        }
    }

    /** The carrier's shipment id is recorded by whichever comes first: request-shipment or the carrier's event. */
    private static void match(ShipmentItem shipment, String shipmentId) {
        if (shipment.getShipmentId() == null) {
            shipment.setShipmentId(shipmentId);
        } else if (!shipment.getShipmentId().equals(shipmentId)) {
            throw new IllegalStateException("carrier-callback: the event for order '" + shipment.getOrderId()
                    + "' names shipment '" + shipmentId + "'; the order's shipment is '" + shipment.getShipmentId() + "'");
        }
    }

    private static String required(JsonNode detail, String field, String type) {
        JsonNode value = detail.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("carrier-callback: " + (type.isEmpty() ? "event" : type)
                    + " has no string detail member '" + field + "'");
        }
        return value.asText();
    }
}
