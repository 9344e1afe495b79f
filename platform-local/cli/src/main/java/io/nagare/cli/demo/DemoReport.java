package io.nagare.cli.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What a demo run measured: outcomes, throughput, latency, and the invariants it found broken. */
public record DemoReport(Map<DemoScenario, Integer> mix, int orders, int completed, int compensated, int failed,
                         int unfinished, double sagasPerSecond, Duration p50, Duration p90, Duration p99,
                         List<String> unexpected, List<String> brokenInvariants) {

    static DemoReport of(List<DemoOrder> orders, List<String> brokenInvariants) {
        int completed = 0;
        int compensated = 0;
        int failed = 0;
        int unfinished = 0;
        List<Long> latencies = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        Instant firstAccepted = null;
        Instant lastStopped = null;
        for (DemoOrder order : orders) {
            if (!order.isFinished()) {
                unfinished++;
                continue;
            }
            boolean confirmed = order.status().equals("SUCCEEDED");
            if (confirmed) {
                completed++;
            } else if ("FAILED".equals(order.status()) && "OrderCancelled".equals(order.error())) {
                compensated++;
            } else {
                failed++;
            }
            if (confirmed != order.scenario().confirmed()) {
                unexpected.add(order.orderId() + " (" + order.scenario() + ") ended " + order.status()
                        + (order.error() == null ? "" : " " + order.error()));
            }
            // A re-run (--run-id) is answered DUPLICATE for orders a crashed run placed; those that had already ended
            // tell nothing about this run's latency or throughput.
            if (order.acceptedAt() != null && order.stoppedAt() != null && order.acceptedAt().isBefore(order.stoppedAt())) {
                latencies.add(Duration.between(order.acceptedAt(), order.stoppedAt()).toMillis());
                firstAccepted = firstAccepted == null || order.acceptedAt().isBefore(firstAccepted)
                        ? order.acceptedAt() : firstAccepted;
                lastStopped = lastStopped == null || order.stoppedAt().isAfter(lastStopped)
                        ? order.stoppedAt() : lastStopped;
            }
        }
        latencies.sort(Long::compare);
        double seconds = firstAccepted == null ? 0 : Math.max(1, Duration.between(firstAccepted, lastStopped).toMillis()) / 1000.0;
        double rate = seconds == 0 ? 0 : latencies.size() / seconds;
        return new DemoReport(mix(orders), orders.size(), completed, compensated, failed, unfinished, rate,
                percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                List.copyOf(unexpected), List.copyOf(brokenInvariants));
    }

    /** Whether every order ended and every invariant holds. */
    public boolean passed() {
        return unfinished == 0 && brokenInvariants.isEmpty();
    }

    public void print(PrintStream out) {
        out.println("orders:      " + orders + "  " + mix);
        out.println("completed:   " + completed);
        out.println("compensated: " + compensated);
        out.println("failed:      " + failed + (unfinished > 0 ? "  (unfinished: " + unfinished + ")" : ""));
        out.printf("throughput:  %.1f sagas/s%n", sagasPerSecond);
        out.printf("latency:     p50 %d ms, p90 %d ms, p99 %d ms (event accepted -> saga ended)%n",
                p50.toMillis(), p90.toMillis(), p99.toMillis());
        if (!unexpected.isEmpty()) {
            out.println("ended otherwise than their scenario expects (" + unexpected.size() + "):");
            unexpected.stream().limit(20).forEach(line -> out.println("  " + line));
        }
        if (brokenInvariants.isEmpty()) {
            out.println("invariants:  hold (stock never negative; confirmed orders captured once; cancelled orders "
                    + "keep no capture nor reservation; every order ended)");
        } else {
            out.println("invariants:  BROKEN (" + brokenInvariants.size() + ")");
            brokenInvariants.stream().limit(50).forEach(line -> out.println("  " + line));
        }
    }

    private static Map<DemoScenario, Integer> mix(List<DemoOrder> orders) {
        Map<DemoScenario, Integer> mix = new EnumMap<>(DemoScenario.class);
        orders.forEach(order -> mix.merge(order.scenario(), 1, Integer::sum));
        return mix;
    }

    private static Duration percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return Duration.ofMillis(sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))));
    }
}
