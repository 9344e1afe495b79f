package io.nagare.cli.demo;

/**
 * The kinds of order the demo places, and how each should end. The partner simulators recognise the customer id's
 * prefix (docs/order-process.md, "Partners outside the platform"), as payment providers offer test cards.
 */
public enum DemoScenario {
    /** Everything works: confirmed. */
    HAPPY("cust-", true),
    /** More units than the stock holds: cancelled at reservation. */
    OUT_OF_STOCK("cust-", false),
    /** The payment provider declines: cancelled, stock released. */
    DECLINED("decline-", false),
    /** The payment provider is down: retried, then cancelled, stock released. */
    PROVIDER_OUTAGE("outage-", false),
    /** The carrier dispatches late, still within the saga's timeout: confirmed. */
    CARRIER_LATE("carrier-late-", true),
    /** The carrier fails the shipment: cancelled, payment voided, stock released. */
    CARRIER_FAILURE("carrier-fail-", false);

    /** Out of every 20 orders: 13 happy, 2 out of stock, 2 declined, 2 carrier late, 1 carrier failure. */
    private static final DemoScenario[] MIX = {
        HAPPY, DECLINED, HAPPY, CARRIER_LATE, HAPPY, OUT_OF_STOCK, HAPPY, CARRIER_FAILURE, HAPPY, HAPPY,
        HAPPY, DECLINED, HAPPY, CARRIER_LATE, HAPPY, OUT_OF_STOCK, HAPPY, HAPPY, HAPPY, HAPPY};

    private final String customerPrefix;
    private final boolean confirmed;

    DemoScenario(String customerPrefix, boolean confirmed) {
        this.customerPrefix = customerPrefix;
        this.confirmed = confirmed;
    }

    /**
     * The scenario of the {@code index}th of {@code total} orders: the mix repeats every 20 orders, and the last order
     * of a run of at least 10 meets a provider outage. Only one: payments' circuit breaker is shared by every order
     * and opens after 5 provider outages within 60 s (one outage order makes 4 attempts), after which every payment
     * fails fast for 30 s. A run with several outage orders shows that, and little else.
     */
    static DemoScenario forIndex(int index, int total) {
        return total >= 10 && index == total - 1 ? PROVIDER_OUTAGE : MIX[index % MIX.length];
    }

    String customerPrefix() {
        return customerPrefix;
    }

    /** Whether the order should end confirmed (else cancelled, after compensation). */
    boolean confirmed() {
        return confirmed;
    }
}
