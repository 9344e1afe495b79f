package io.nagare.payments;

/**
 * The payment provider did not answer usefully: an outage (503 and other 5xx), throttling (429), a timeout or a broken
 * connection. Transient: the saga retries it with back-off, and the circuit breaker counts it as a failure.
 */
public class PaymentProviderUnavailableException extends RuntimeException {

    /** The error name a Step Functions Retry matches (the class name a Java Lambda reports). */
    public static final String ERROR_TYPE = "io.nagare.payments.PaymentProviderUnavailableException";

    private static final long serialVersionUID = 1L;

    public PaymentProviderUnavailableException(String message) {
        super(message);
    }

    public PaymentProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
