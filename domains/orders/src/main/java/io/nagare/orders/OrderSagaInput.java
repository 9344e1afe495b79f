package io.nagare.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.events.EventJson;
import io.nagare.orders.internal.OrderItem;

/**
 * The input of the order-fulfilment saga (docs/order-process.md), built from the recorded order: amounts are JSON
 * numbers with their exact scale, {@code shippingAddress} only when the order had one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"orderId", "customerId", "currency", "total", "lines", "shippingAddress", "placedAt", "eventId"})
record OrderSagaInput(String orderId, String customerId, String currency, BigDecimal total, List<Line> lines,
                      JsonNode shippingAddress, Instant placedAt, String eventId) {

    @JsonPropertyOrder({"sku", "quantity", "unitPrice"})
    record Line(String sku, long quantity, BigDecimal unitPrice) {
    }

    static OrderSagaInput of(OrderItem order) {
        JsonNode address;
        try {
            address = order.getShippingAddress() == null ? null
                    : EventJson.mapper().readTree(order.getShippingAddress());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order '" + order.getOrderId() + "': the stored shipping address is not"
                    + " JSON: " + e.getOriginalMessage(), e);
        }
        return new OrderSagaInput(order.getOrderId(), order.getCustomerId(), order.getCurrency(),
                new BigDecimal(order.getTotal()),
                order.getLines().stream()
                        .map(l -> new Line(l.getSku(), l.getQuantity(), new BigDecimal(l.getUnitPrice())))
                        .toList(),
                address, order.getPlacedAt(), order.getEventId());
    }

    String toJson() {
        return EventJson.write(this);
    }
}
