package io.nagare.payments;

/**
 * The payment provider refused a request as malformed or impossible (a 4xx other than a decline or throttling), or
 * answered something that cannot be read. Not transient and not an outage: retrying the same request cannot help, and
 * the circuit breaker does not count it.
 */
public class PaymentGatewayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public PaymentGatewayException(int status, String message) {
        super(message);
        this.status = status;
    }

    public PaymentGatewayException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The provider's HTTP status; 409 means the authorization is not in a state for the operation. */
    public int status() {
        return status;
    }
}
