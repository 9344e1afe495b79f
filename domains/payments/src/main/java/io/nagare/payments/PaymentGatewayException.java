package io.nagare.payments;

/**
 * The payment provider refused a request as malformed or impossible (a 4xx other than a decline or throttling), or
 * answered something that cannot be read. Not transient and not an outage: retrying the same request cannot help, and
 * the circuit breaker does not count it.
 */
public class PaymentGatewayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PaymentGatewayException(String message) {
        super(message);
    }

    public PaymentGatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
