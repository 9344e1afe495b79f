package io.nagare.shipping;

/**
 * The carrier refused the shipment request itself (a 4xx other than throttling) or answered something unreadable:
 * retrying the same request cannot help.
 */
public class CarrierRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CarrierRequestException(String message) {
        super(message);
    }

    public CarrierRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
