package io.nagare.payments;

import java.util.List;

/**
 * A step asked for a transition the payment lifecycle does not allow (capturing a voided payment, ...): a defect in
 * the process, not a condition to retry. The message names the payment's history.
 */
public class IllegalPaymentTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    IllegalPaymentTransitionException(String orderId, String from, String to, Iterable<?> allowed, List<String> history) {
        super("payment of order '" + orderId + "': cannot go from " + from + " to " + to + "; allowed from " + from
                + ": " + allowed + "; history: " + history);
    }
}
