package io.nagare.shipping;

/**
 * The carrier's API did not take the shipment request: an outage (5xx), throttling (429), a timeout or a broken
 * connection. Transient: the request is idempotent on the order, so retrying the step is safe.
 */
public class CarrierUnavailableException extends RuntimeException {

    /** The error name a Step Functions Retry matches (the class name a Java Lambda reports). */
    public static final String ERROR_TYPE = "io.nagare.shipping.CarrierUnavailableException";

    private static final long serialVersionUID = 1L;

    public CarrierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
