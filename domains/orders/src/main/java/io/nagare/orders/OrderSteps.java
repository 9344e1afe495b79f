package io.nagare.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.nagare.events.orders.v1.OrderCancelled;
import io.nagare.orders.internal.OrderItem;
import io.nagare.orders.internal.StatusChangeItem;
import io.nagare.platform.idempotency.Idempotency;

/**
 * The order-fulfilment saga's steps on an order: validate, confirm, cancel. Each runs at most once per order
 * ({@link Idempotency}, key {@code <orderId>#<step>}); behind that, entering the status the order is already in is a
 * repeat that answers as the first call did (and publishes its event again, under the same id, in case the first
 * call stopped before publishing). Every write is conditioned on the version read; a lost race is read again.
 */
final class OrderSteps {

    static final String VALIDATE = "validate-order";
    static final String CONFIRM = "confirm-order";
    static final String CANCEL = "cancel-order";

    /** OrderCancelled's {@code detail} takes at most this many characters. */
    static final int MAX_DETAIL_LENGTH = 1000;
    private static final int MAX_ATTEMPTS = 5;

    private final OrderRepository orders;
    private final Idempotency idempotency;
    private final OrderEvents events;
    private final OrderValidator validator;
    private final Clock clock;

    OrderSteps(OrderRepository orders, Idempotency idempotency, OrderEvents events, Clock clock) {
        this.orders = orders;
        this.idempotency = idempotency;
        this.events = events;
        this.validator = new OrderValidator();
        this.clock = clock;
    }

    /** @throws OrderInvalidException listing every problem; the order stays PLACED */
    StepStatus validate(String orderId) {
        return once(VALIDATE, orderId, order -> {
            if (enter(VALIDATE, order, OrderStatus.VALIDATED, null)) {
                List<String> problems = validator.problems(order);
                if (!problems.isEmpty()) {
                    throw new OrderInvalidException(orderId, problems);
                }
                orders.update(order);
            }
            return new StepStatus(orderId, OrderStatus.VALIDATED.name());
        });
    }

    StepStatus confirm(String orderId, String paymentId, String shipmentId) {
        require(CONFIRM, "paymentId", paymentId);
        require(CONFIRM, "shipmentId", shipmentId);
        return once(CONFIRM, orderId, order -> {
            if (enter(CONFIRM, order, OrderStatus.CONFIRMED, "payment " + paymentId + ", shipment " + shipmentId)) {
                order.setPaymentId(paymentId);
                order.setShipmentId(shipmentId);
                order.setConfirmedAt(order.getUpdatedAt());
                orders.update(order);
            }
            events.confirmed(order);
            return new StepStatus(orderId, OrderStatus.CONFIRMED.name());
        });
    }

    /**
     * @param reason one of OrderCancelled's reasons
     * @param detail for operators; blank gives a default, longer than {@value #MAX_DETAIL_LENGTH} characters is cut
     */
    StepStatus cancel(String orderId, String reason, String detail) {
        OrderCancelled.Reason cancellation = reason(reason);
        String text = detail(cancellation, detail);
        return once(CANCEL, orderId, order -> {
            if (enter(CANCEL, order, OrderStatus.CANCELLED, cancellation.name())) {
                order.setCancellationReason(cancellation.name());
                order.setCancellationDetail(text);
                order.setCancelledAt(order.getUpdatedAt());
                orders.update(order);
            }
            events.cancelled(order);
            return new StepStatus(orderId, OrderStatus.CANCELLED.name());
        });
    }

    private StepStatus once(String step, String orderId, Function<OrderItem, StepStatus> action) {
        require(step, "orderId", orderId);
        return idempotency.run(Idempotency.key(orderId, step), StepStatus.class, () -> {
            WriteConflict last = null;
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                OrderItem order = orders.find(orderId).orElseThrow(() -> new OrderNotFoundException(step, orderId));
                try {
                    return action.apply(order);
                } catch (WriteConflict conflict) {
                    last = conflict;
                }
            }
            throw new IllegalStateException(step + ": order '" + orderId + "' kept changing while this step wrote it ("
                    + MAX_ATTEMPTS + " attempts); last: " + last.getMessage());
        });
    }

    /**
     * Moves the order to {@code target} in memory (status, history, updatedAt).
     *
     * @return false when the order is in {@code target} already: a repeated step, nothing to write
     * @throws IllegalOrderTransitionException when the lifecycle does not allow the move
     */
    private boolean enter(String step, OrderItem order, OrderStatus target, String note) {
        OrderStatus current = OrderStatus.valueOf(order.getStatus());
        if (current == target) {
            return false;
        }
        List<StatusChangeItem> history = order.getHistory() == null ? new ArrayList<>()
                : new ArrayList<>(order.getHistory());
        if (!current.canGoTo(target)) {
            throw new IllegalOrderTransitionException(step + ": order '" + order.getOrderId() + "' cannot go from "
                    + current + " to " + target + "; from " + current + " it may go to " + current.next()
                    + "; history: " + history);
        }
        Instant now = clock.instant();
        history.add(new StatusChangeItem(target.name(), now, note));
        order.setHistory(history);
        order.setStatus(target.name());
        order.setUpdatedAt(now);
        return true;
    }

    private static OrderCancelled.Reason reason(String reason) {
        try {
            return OrderCancelled.Reason.valueOf(reason == null ? "" : reason);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CANCEL + " input: reason '" + reason + "' is not one of "
                    + Arrays.toString(OrderCancelled.Reason.values()));
        }
    }

    private static String detail(OrderCancelled.Reason reason, String detail) {
        if (detail == null || detail.isBlank()) {
            return "Order cancelled: " + reason;
        }
        return detail.length() <= MAX_DETAIL_LENGTH ? detail : detail.substring(0, MAX_DETAIL_LENGTH - 1) + "…";
    }

    private static void require(String step, String member, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(step + " input: " + member + " is required");
        }
    }

    /** The output of every order step: {@code {"orderId", "status"}}. */
    record StepStatus(String orderId, String status) {
    }
}
