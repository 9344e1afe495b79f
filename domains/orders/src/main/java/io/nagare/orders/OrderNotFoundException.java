package io.nagare.orders;

/** A step named an order the orders table does not hold: accept-order records every order before its saga starts. */
final class OrderNotFoundException extends IllegalStateException {

    OrderNotFoundException(String step, String orderId) {
        super(step + ": order '" + orderId + "' is not recorded in the orders table (accept-order records an order"
                + " before starting its saga)");
    }
}
