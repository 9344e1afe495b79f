package io.nagare.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DemoReportTest {

    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    private static List<DemoOrder> orders(int count) {
        List<DemoOrder> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(new DemoOrder("r", i, count));
        }
        return orders;
    }

    @Test
    void of_shouldCountOutcomesAndLatencyPercentiles_whenEveryOrderEnded() {
        List<DemoOrder> orders = orders(100);
        for (int i = 0; i < orders.size(); i++) {
            DemoOrder order = orders.get(i);
            order.accepted(T0);
            boolean confirmed = order.scenario().confirmed();
            order.finished(confirmed ? "SUCCEEDED" : "FAILED", confirmed ? null : "OrderCancelled",
                    T0.plusMillis(10L * (i + 1)));
        }

        DemoReport report = DemoReport.of(orders, List.of());

        assertThat(report.completed() + report.compensated()).isEqualTo(100);
        assertThat(report.completed()).as("15 of every 20, but the last one meets an outage").isEqualTo(74);
        assertThat(report.failed()).isZero();
        assertThat(report.p50()).isEqualTo(Duration.ofMillis(500));
        assertThat(report.p90()).isEqualTo(Duration.ofMillis(900));
        assertThat(report.p99()).isEqualTo(Duration.ofMillis(990));
        assertThat(report.sagasPerSecond()).isEqualTo(100.0);
        assertThat(report.unexpected()).isEmpty();
        assertThat(report.passed()).isTrue();
    }

    @Test
    void passed_shouldBeFalse_whenAnOrderDidNotEndOrAnInvariantIsBroken() {
        List<DemoOrder> orders = orders(2);
        orders.get(0).accepted(T0);
        orders.get(0).finished("SUCCEEDED", null, T0.plusSeconds(1));

        assertThat(DemoReport.of(orders, List.of()).unfinished()).isEqualTo(1);
        assertThat(DemoReport.of(orders, List.of()).passed()).isFalse();
        orders.get(1).accepted(T0);
        orders.get(1).finished("FAILED", "CompensationFailed", T0.plusSeconds(1));
        DemoReport broken = DemoReport.of(orders, List.of("stock of X is negative: available = -1"));
        assertThat(broken.failed()).isEqualTo(1);
        assertThat(broken.passed()).isFalse();
    }

    @Test
    void forIndex_shouldMixEveryScenario_whenTwentyOrdersArePlaced() {
        assertThat(DemoReport.of(orders(20), List.of()).mix()).containsOnlyKeys(DemoScenario.values());
    }
}
