package io.nagare.inventory;

/** Where an order's reservation stands. */
enum ReservationStatus {
    /** Stock is held for the order. */
    RESERVED,
    /** The held stock went back to {@code available}. */
    RELEASED,
    /**
     * Released before anything was reserved (the saga compensated while its reserve call was still in flight, or
     * never made): a later reserve of the order is refused, so no stock is held for an order already given up.
     */
    BLOCKED
}
