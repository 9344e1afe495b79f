package io.nagare.shipping;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.events.shipping.v1.ShipmentRequested;
import io.nagare.platform.events.EventPublisher;

/** Shipping's own event, built from the generated record and published with the id {@code <orderId>:ShipmentRequested}. */
final class ShippingEvents {

    private static final TypeReference<List<ShipmentRequested.Line>> LINES = new TypeReference<>() {
    };

    private final EventPublisher publisher;

    ShippingEvents(EventPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * Publishes ShipmentRequested. The lines keep only sku and quantity (the saga's lines also carry prices). The task
     * token stays out: the carrier calls back by order id, and a token on the bus would let any subscriber answer the
     * saga.
     */
    void requested(ShipmentItem shipment, JsonNode lines, JsonNode shippingAddress, Instant requestedAt) {
        ShipmentRequested event = new ShipmentRequested(shipment.getOrderId(), shipment.getShipmentId(),
                shipment.getCarrier(), ShippingJson.MAPPER.convertValue(lines, LINES),
                shippingAddress == null || shippingAddress.isNull() ? null
                        : ShippingJson.MAPPER.convertValue(shippingAddress, ShipmentRequested.Address.class),
                requestedAt, null);
        publisher.publish(shipment.getOrderId() + ":" + ShipmentRequested.DETAIL_TYPE, ShipmentRequested.DETAIL_TYPE,
                ShippingJson.MAPPER.valueToTree(event));
    }
}
