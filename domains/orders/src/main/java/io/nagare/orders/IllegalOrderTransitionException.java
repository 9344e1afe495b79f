package io.nagare.orders;

/**
 * A step asked an order for a status change its lifecycle does not allow (confirming a cancelled order, ...). Names
 * the order, both statuses, what is allowed and the order's history. A bug or an out-of-order call, never retried.
 */
public final class IllegalOrderTransitionException extends IllegalStateException {

    public static final String ERROR_TYPE = "io.nagare.orders.IllegalOrderTransitionException";

    IllegalOrderTransitionException(String message) {
        super(message);
    }
}
