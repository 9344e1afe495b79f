package io.nagare.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderStatusTest {

    @Test
    void canGoTo_shouldFollowTheLifecycle() {
        assertThat(OrderStatus.PLACED.next()).containsExactlyInAnyOrder(OrderStatus.VALIDATED, OrderStatus.CANCELLED);
        assertThat(OrderStatus.VALIDATED.next()).containsExactlyInAnyOrder(OrderStatus.CONFIRMED, OrderStatus.CANCELLED);
        assertThat(OrderStatus.CONFIRMED.next()).containsExactly(OrderStatus.CANCELLED);
        assertThat(OrderStatus.CANCELLED.next()).isEmpty();
    }

    @Test
    void canGoTo_shouldRefuse_whenSkippingOrGoingBack() {
        assertThat(OrderStatus.PLACED.canGoTo(OrderStatus.CONFIRMED)).isFalse();
        assertThat(OrderStatus.VALIDATED.canGoTo(OrderStatus.PLACED)).isFalse();
        assertThat(OrderStatus.CANCELLED.canGoTo(OrderStatus.CONFIRMED)).isFalse();
        assertThat(OrderStatus.CONFIRMED.canGoTo(OrderStatus.VALIDATED)).isFalse();
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.canGoTo(status)).as("a repeat is not a transition: %s", status).isFalse();
            assertThat(status.canGoTo(OrderStatus.PLACED)).isFalse();
        }
    }
}
