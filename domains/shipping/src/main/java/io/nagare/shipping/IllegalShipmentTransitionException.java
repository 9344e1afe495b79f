package io.nagare.shipping;

import java.util.List;

/**
 * A carrier event asks for a transition the shipment lifecycle does not allow (dispatching a failed shipment, ...):
 * contradictory partner data, left on the dead-letter queue for an operator. The message names the history.
 */
public class IllegalShipmentTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    IllegalShipmentTransitionException(String orderId, String from, String to, Iterable<?> allowed,
                                       List<String> history) {
        super("shipment of order '" + orderId + "': cannot go from " + from + " to " + to + "; allowed from " + from
                + ": " + allowed + "; history: " + history);
    }
}
