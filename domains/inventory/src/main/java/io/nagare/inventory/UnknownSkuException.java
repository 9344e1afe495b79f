package io.nagare.inventory;

import java.util.List;

/**
 * Some lines of an order name skus the inventory does not hold (never restocked); nothing was reserved. A business
 * error: the saga cancels the order and does not retry. Wins over {@link OutOfStockException} when both apply.
 */
public final class UnknownSkuException extends RuntimeException {

    public static final String ERROR_TYPE = "io.nagare.inventory.UnknownSkuException";

    private final List<String> skus;

    UnknownSkuException(String orderId, List<String> skus) {
        super("order '" + orderId + "': unknown skus " + skus
                + " (not in the inventory table; restock creates a sku); nothing was reserved");
        this.skus = List.copyOf(skus);
    }

    /** The skus the inventory does not know. */
    public List<String> skus() {
        return skus;
    }
}
