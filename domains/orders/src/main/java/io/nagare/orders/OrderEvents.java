package io.nagare.orders;

import java.math.BigDecimal;
import java.util.Currency;

import io.nagare.events.EventJson;
import io.nagare.events.orders.v1.OrderCancelled;
import io.nagare.events.orders.v1.OrderConfirmed;
import io.nagare.orders.internal.OrderItem;
import io.nagare.platform.events.EventPublisher;

/**
 * The orders' events, built from the recorded order so a repeated step publishes the very same event. Ids are
 * {@code <orderId>:<DetailType>}: consumers drop the duplicate.
 */
class OrderEvents {

    private final EventPublisher publisher;

    OrderEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * For a function that publishes nothing (validate-order): its declaration names no bus, so the model gives it no
     * bus variable; publishing through these fails, naming why.
     */
    static OrderEvents none(String function) {
        return new OrderEvents(null) {
            @Override
            void publish(String orderId, String detailType, Record event) {
                throw new IllegalStateException("not supported: " + function + " publishing " + detailType
                        + "; its declaration publishes to no bus");
            }
        };
    }

    void confirmed(OrderItem order) {
        OrderConfirmed event = new OrderConfirmed(order.getOrderId(), order.getCustomerId(), order.getPaymentId(),
                order.getShipmentId(), Currency.getInstance(order.getCurrency()), new BigDecimal(order.getTotal()),
                order.getConfirmedAt());
        publish(order.getOrderId(), OrderConfirmed.DETAIL_TYPE, event);
    }

    void cancelled(OrderItem order) {
        OrderCancelled event = new OrderCancelled(order.getOrderId(), order.getCustomerId(),
                OrderCancelled.Reason.valueOf(order.getCancellationReason()), order.getCancellationDetail(),
                order.getCancelledAt());
        publish(order.getOrderId(), OrderCancelled.DETAIL_TYPE, event);
    }

    void publish(String orderId, String detailType, Record event) {
        publisher.publish(orderId + ":" + detailType, detailType, EventJson.tree(event));
    }
}
