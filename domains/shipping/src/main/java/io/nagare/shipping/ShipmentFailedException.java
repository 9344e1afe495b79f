package io.nagare.shipping;

/**
 * The carrier could not ship the order. Shipping never throws it: {@code carrier-callback} reports it to the waiting
 * saga with {@code SendTaskFailure}, {@link #ERROR_TYPE} as the error and the carrier's reason
 * ({@code CARRIER_REJECTED}, ...) as the cause, so the saga's Catch names it as it names any step's error.
 */
public class ShipmentFailedException extends RuntimeException {

    /** The error name the saga's Catch matches. */
    public static final String ERROR_TYPE = "io.nagare.shipping.ShipmentFailedException";

    private static final long serialVersionUID = 1L;

    public ShipmentFailedException(String reason) {
        super(reason);
    }
}
