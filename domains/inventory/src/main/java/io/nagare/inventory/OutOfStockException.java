package io.nagare.inventory;

import java.util.List;

/**
 * Some lines of an order cannot be reserved because their skus have less stock available than requested; nothing was
 * reserved. A business error: the saga cancels the order ({@code OUT_OF_STOCK}) and does not retry.
 */
public final class OutOfStockException extends RuntimeException {

    public static final String ERROR_TYPE = "io.nagare.inventory.OutOfStockException";

    private final List<String> skus;

    OutOfStockException(String orderId, List<String> skus, String detail) {
        super("order '" + orderId + "': out of stock: " + detail + "; nothing was reserved");
        this.skus = List.copyOf(skus);
    }

    /** The skus that lack stock. */
    public List<String> skus() {
        return skus;
    }
}
