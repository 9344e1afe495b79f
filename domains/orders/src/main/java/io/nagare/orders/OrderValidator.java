package io.nagare.orders;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.nagare.orders.internal.OrderItem;
import io.nagare.orders.internal.OrderLineItem;

/**
 * The business checks of validate-order, beyond what the OrderPlaced schema already enforced: the currency is an
 * ISO 4217 currency of payment, no amount has more decimals than it has, and the total is exactly the sum of
 * quantity × unitPrice over the lines.
 */
final class OrderValidator {

    /** Every problem of the order, empty when it is valid. */
    List<String> problems(OrderItem order) {
        List<String> problems = new ArrayList<>();
        Currency currency = currency(order.getCurrency(), problems);
        List<OrderLineItem> lines = order.getLines() == null ? List.of() : order.getLines();
        if (lines.isEmpty()) {
            problems.add("it has no lines");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            OrderLineItem line = lines.get(i);
            String at = "lines/" + i + " (" + line.getSku() + ")";
            if (line.getQuantity() < 1) {
                problems.add(at + ": quantity " + line.getQuantity() + " is not a positive integer");
            }
            BigDecimal unitPrice = new BigDecimal(line.getUnitPrice());
            checkAmount(at + ": unitPrice", unitPrice, currency, problems);
            sum = sum.add(unitPrice.multiply(BigDecimal.valueOf(line.getQuantity())));
        }
        BigDecimal total = new BigDecimal(order.getTotal());
        checkAmount("total", total, currency, problems);
        if (total.compareTo(sum) != 0) {
            problems.add("total " + total.toPlainString() + " is not the sum of quantity × unitPrice over the lines ("
                    + sum.toPlainString() + ")");
        }
        return problems;
    }

    private static Currency currency(String code, List<String> problems) {
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                problems.add("currency " + code + " is not a currency of payment (ISO 4217 codes such as XXX or XAU"
                        + " have no minor unit)");
                return null;
            }
            return currency;
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add("currency '" + code + "' is not an ISO 4217 currency code");
            return null;
        }
    }

    private static void checkAmount(String what, BigDecimal amount, Currency currency, List<String> problems) {
        if (amount.signum() < 0) {
            problems.add(what + " " + amount.toPlainString() + " is negative");
        }
        if (currency != null && amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            problems.add(what + " " + amount.toPlainString() + " has more decimals than " + currency.getCurrencyCode()
                    + " has (" + currency.getDefaultFractionDigits() + ")");
        }
    }
}
