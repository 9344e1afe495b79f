package io.nagare.inventory;

/**
 * A stock change kept losing optimistic-locking races (other writers changed the same skus first) and gave up after
 * its retries. Nothing was changed; the step can be retried as a whole, so a saga should treat
 * {@value #ERROR_TYPE} as transient.
 */
public final class InventoryConflictException extends RuntimeException {

    /** The error name a Step Functions Retry names in {@code ErrorEquals}. */
    public static final String ERROR_TYPE = "io.nagare.inventory.InventoryConflictException";

    InventoryConflictException(String message) {
        super(message);
    }
}
