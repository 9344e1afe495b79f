package io.nagare.orders;

import java.util.List;

/**
 * validate-order found the order inconsistent: its total is not the sum of its lines, its currency is unknown, an
 * amount has more decimals than the currency has, ... Lists every problem. A business error: the saga cancels the
 * order ({@code VALIDATION_FAILED}) and does not retry.
 */
public final class OrderInvalidException extends RuntimeException {

    public static final String ERROR_TYPE = "io.nagare.orders.OrderInvalidException";

    private final List<String> problems;

    OrderInvalidException(String orderId, List<String> problems) {
        super("order '" + orderId + "' is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
