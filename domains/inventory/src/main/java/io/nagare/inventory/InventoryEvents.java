package io.nagare.inventory;

import java.time.Instant;
import java.util.List;

import io.nagare.events.EventJson;
import io.nagare.events.inventory.v1.InventoryReleased;
import io.nagare.events.inventory.v1.InventoryReservationFailed;
import io.nagare.events.inventory.v1.InventoryReserved;
import io.nagare.inventory.internal.ReservationItem;
import io.nagare.platform.events.EventPublisher;

/**
 * The inventory's events. Ids are {@code <orderId>:<DetailType>}: a retried step publishes the same id, so
 * consumers drop the duplicate.
 */
final class InventoryEvents {

    private final EventPublisher publisher;

    InventoryEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    void reserved(ReservationItem reservation) {
        InventoryReserved event = new InventoryReserved(reservation.getOrderId(), reservation.getReservationId(),
                reservation.getLines().stream().map(l -> new InventoryReserved.Line(l.getSku(), l.getQuantity()))
                        .toList(),
                reservation.getReservedAt(), null);
        publish(reservation.getOrderId(), InventoryReserved.DETAIL_TYPE, event);
    }

    void reservationFailed(String orderId, InventoryReservationFailed.Reason reason, List<String> unavailableSkus,
                           List<StockLine> lines, Instant failedAt) {
        InventoryReservationFailed event = new InventoryReservationFailed(orderId, reason, unavailableSkus,
                lines.stream().map(l -> new InventoryReservationFailed.Line(l.sku(), l.quantity())).toList(),
                failedAt);
        publish(orderId, InventoryReservationFailed.DETAIL_TYPE, event);
    }

    void released(ReservationItem reservation) {
        InventoryReleased event = new InventoryReleased(reservation.getOrderId(), reservation.getReservationId(),
                reservation.getLines().stream().map(l -> new InventoryReleased.Line(l.getSku(), l.getQuantity()))
                        .toList(),
                InventoryReleased.Reason.SAGA_COMPENSATION, reservation.getReleasedAt());
        publish(reservation.getOrderId(), InventoryReleased.DETAIL_TYPE, event);
    }

    private void publish(String orderId, String detailType, Record event) {
        publisher.publish(orderId + ":" + detailType, detailType, EventJson.tree(event));
    }
}
