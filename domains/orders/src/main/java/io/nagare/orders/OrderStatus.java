package io.nagare.orders;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An order's lifecycle, as an explicit transition table. Entering the status an order is already in is a repeat
 * (a retried step), never a transition; any move the table does not list is illegal and fails loudly.
 */
enum OrderStatus {
    /** Recorded by accept-order; its saga is starting or running. */
    PLACED,
    /** validate-order found it consistent. */
    VALIDATED,
    /** confirm-order: reserved, paid, dispatched. */
    CONFIRMED,
    /** cancel-order: the saga gave up and compensated. */
    CANCELLED;

    /**
     * Where each status may go. CONFIRMED → CANCELLED exists because the saga, not the table, decides the outcome:
     * when confirm-order recorded CONFIRMED but then failed (its event could not be published), the saga refunds and
     * cancels.
     */
    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.of(
            PLACED, EnumSet.of(VALIDATED, CANCELLED),
            VALIDATED, EnumSet.of(CONFIRMED, CANCELLED),
            CONFIRMED, EnumSet.of(CANCELLED),
            CANCELLED, EnumSet.noneOf(OrderStatus.class));

    boolean canGoTo(OrderStatus target) {
        return NEXT.get(this).contains(target);
    }

    Set<OrderStatus> next() {
        return NEXT.get(this);
    }
}
