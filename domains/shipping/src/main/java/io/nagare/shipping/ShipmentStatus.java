package io.nagare.shipping;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A shipment's lifecycle as an explicit transition table. REQUESTED when the carrier was asked; the carrier's tracking
 * updates (ACCEPTED, LABEL_CREATED, AWAITING_PICKUP) move it forward, never back; then DISPATCHED or FAILED. A
 * dispatched parcel may still fail (lost, refused); FAILED is final.
 */
enum ShipmentStatus {
    REQUESTED,
    ACCEPTED,
    LABEL_CREATED,
    AWAITING_PICKUP,
    DISPATCHED,
    FAILED;

    private static final Map<ShipmentStatus, Set<ShipmentStatus>> NEXT = Map.of(
            REQUESTED, EnumSet.of(ACCEPTED, LABEL_CREATED, AWAITING_PICKUP, DISPATCHED, FAILED),
            ACCEPTED, EnumSet.of(LABEL_CREATED, AWAITING_PICKUP, DISPATCHED, FAILED),
            LABEL_CREATED, EnumSet.of(AWAITING_PICKUP, DISPATCHED, FAILED),
            AWAITING_PICKUP, EnumSet.of(DISPATCHED, FAILED),
            DISPATCHED, EnumSet.of(FAILED),
            FAILED, EnumSet.noneOf(ShipmentStatus.class));

    boolean canBecome(ShipmentStatus next) {
        return NEXT.get(this).contains(next);
    }

    Set<ShipmentStatus> next() {
        return NEXT.get(this);
    }

    /** The saga's wait is over once the carrier dispatched or failed. */
    boolean answered() {
        return this == DISPATCHED || this == FAILED;
    }
}
