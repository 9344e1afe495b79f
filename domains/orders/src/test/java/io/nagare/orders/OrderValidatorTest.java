package io.nagare.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.nagare.orders.internal.OrderItem;
import io.nagare.orders.internal.OrderLineItem;
import org.junit.jupiter.api.Test;

class OrderValidatorTest {

    private final OrderValidator validator = new OrderValidator();

    static OrderItem order(String currency, String total, OrderLineItem... lines) {
        OrderItem order = new OrderItem();
        order.setOrderId("o-1");
        order.setCurrency(currency);
        order.setTotal(total);
        order.setLines(List.of(lines));
        return order;
    }

    @Test
    void problems_shouldBeEmpty_whenTheTotalIsTheSumOfTheLines() {
        assertThat(validator.problems(order("EUR", "39.80", new OrderLineItem("TEA", 2, "19.90")))).isEmpty();
        assertThat(validator.problems(order("EUR", "39.8", new OrderLineItem("TEA", 2, "19.900")))).isEmpty();
        assertThat(validator.problems(order("JPY", "6800", new OrderLineItem("CUP", 2, "2400"),
                new OrderLineItem("TEA", 1, "2000")))).isEmpty();
    }

    @Test
    void problems_shouldNameTheSum_whenTheTotalDiffers() {
        assertThat(validator.problems(order("EUR", "39.90", new OrderLineItem("TEA", 2, "19.90"))))
                .containsExactly("total 39.90 is not the sum of quantity × unitPrice over the lines (39.80)");
    }

    @Test
    void problems_shouldRefuseCurrenciesThatAreNotOfPayment() {
        assertThat(validator.problems(order("ABC", "1", new OrderLineItem("TEA", 1, "1"))))
                .containsExactly("currency 'ABC' is not an ISO 4217 currency code");
        assertThat(validator.problems(order("XXX", "1", new OrderLineItem("TEA", 1, "1"))))
                .containsExactly("currency XXX is not a currency of payment (ISO 4217 codes such as XXX or XAU have no"
                        + " minor unit)");
    }

    @Test
    void problems_shouldRefuseAmountsFinerThanTheCurrency() {
        assertThat(validator.problems(order("JPY", "2400.5", new OrderLineItem("CUP", 1, "2400.5"))))
                .containsExactly("lines/0 (CUP): unitPrice 2400.5 has more decimals than JPY has (0)",
                        "total 2400.5 has more decimals than JPY has (0)");
    }

    @Test
    void problems_shouldListEveryProblem() {
        assertThat(validator.problems(order("EUR", "-1", new OrderLineItem("TEA", 0, "-2"))))
                .containsExactly("lines/0 (TEA): quantity 0 is not a positive integer",
                        "lines/0 (TEA): unitPrice -2 is negative", "total -1 is negative",
                        "total -1 is not the sum of quantity × unitPrice over the lines (0)");
    }
}
