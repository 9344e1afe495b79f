package io.nagare.cli.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One order the demo places: its OrderPlaced data, its scenario, and what became of it. */
final class DemoOrder {

    /** A line of the demo catalog. */
    record Line(String sku, int quantity, BigDecimal unitPrice) {
    }

    static final List<String> SKUS = List.of("TEA-SENCHA-100G", "TEA-MATCHA-30G", "CUP-YUNOMI-BLUE");
    private static final List<BigDecimal> PRICES = List.of(new BigDecimal("18.00"), new BigDecimal("25.50"),
            new BigDecimal("32.00"));
    /** More than the demo ever stocks: the reservation fails. */
    static final int OUT_OF_STOCK_QUANTITY = 1_000_000;

    private final String orderId;
    private final String customerId;
    private final DemoScenario scenario;
    private final List<Line> lines;
    private volatile Instant acceptedAt;
    private volatile Instant stoppedAt;
    private volatile String status;
    private volatile String error;

    DemoOrder(String runId, int index, int total) {
        this.orderId = "demo-" + runId + "-" + index;
        this.scenario = DemoScenario.forIndex(index, total);
        this.customerId = scenario.customerPrefix() + runId + "-" + index;
        int sku = index % SKUS.size();
        int quantity = scenario == DemoScenario.OUT_OF_STOCK ? OUT_OF_STOCK_QUANTITY : 1 + index % 2;
        this.lines = List.of(new Line(SKUS.get(sku), quantity, PRICES.get(sku)));
    }

    String orderId() {
        return orderId;
    }

    DemoScenario scenario() {
        return scenario;
    }

    /** The OrderPlaced data (schema OrderPlaced, latest version). */
    ObjectNode data(ObjectNode empty, Instant placedAt) {
        BigDecimal total = BigDecimal.ZERO;
        ArrayNode json = empty.putArray("lines");
        for (Line line : lines) {
            json.addObject().put("sku", line.sku()).put("quantity", line.quantity()).put("unitPrice", line.unitPrice());
            total = total.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
        }
        return empty.put("orderId", orderId).put("customerId", customerId).put("currency", "EUR").put("total", total)
                .put("placedAt", placedAt.toString());
    }

    void accepted(Instant at) {
        this.acceptedAt = at;
    }

    Instant acceptedAt() {
        return acceptedAt;
    }

    /** The saga ended: its status ({@code SUCCEEDED}, {@code FAILED}, ...), error and stop time. */
    void finished(String status, String error, Instant stoppedAt) {
        this.status = status;
        this.error = error;
        this.stoppedAt = stoppedAt;
    }

    boolean isFinished() {
        return status != null;
    }

    String status() {
        return status;
    }

    String error() {
        return error;
    }

    Instant stoppedAt() {
        return stoppedAt;
    }
}
