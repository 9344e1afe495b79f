package io.nagare.payments;

import io.nagare.platform.circuitbreaker.CircuitOpenException;

/**
 * The circuit around the payment provider is open (or half-open with another instance probing): the provider was not
 * called. The saga fails fast and compensates instead of waiting on a provider that is known to be down.
 */
public class PaymentCircuitOpenException extends RuntimeException {

    /** The error name a Step Functions Catch matches (the class name a Java Lambda reports). */
    public static final String ERROR_TYPE = "io.nagare.payments.PaymentCircuitOpenException";

    private static final long serialVersionUID = 1L;

    public PaymentCircuitOpenException(String operation, CircuitOpenException cause) {
        super(operation + " not attempted: " + cause.getMessage(), cause);
    }
}
