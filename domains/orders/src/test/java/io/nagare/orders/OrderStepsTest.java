package io.nagare.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.nagare.events.EventJson;
import io.nagare.events.orders.v1.OrderCancelled;
import io.nagare.events.orders.v1.OrderConfirmed;
import io.nagare.orders.OrderSteps.StepStatus;
import io.nagare.orders.internal.OrderItem;
import io.nagare.orders.internal.OrderLineItem;
import io.nagare.orders.internal.StatusChangeItem;
import io.nagare.platform.events.EventPublisher;
import io.nagare.platform.idempotency.Idempotency;
import io.nagare.platform.idempotency.InMemoryIdempotencyStore;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** validate-order, confirm-order and cancel-order against the local runtime's DynamoDB. */
class OrderStepsTest {

    static final Instant PLACED = Instant.parse("2026-11-28T09:15:01Z");
    static final Instant NOW = Instant.parse("2026-11-28T09:20:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SchemaRegistry REGISTRY = SchemaRegistry.fromClasspath();

    private static LocalTables local;

    private OrderRepository orders;
    private RecordingEventBridge eventBridge;
    private OrderSteps steps;

    @BeforeAll
    static void start() {
        local = new LocalTables();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @BeforeEach
    void tables() {
        Map<String, String> tables = local.createTables();
        orders = new OrderRepository(local.dynamoDb, tables.get("NAGARE_TABLE_ORDERS"));
        eventBridge = new RecordingEventBridge();
        steps = steps();
    }

    /** Steps with an idempotency store of their own: what another instance sees once the first's record expired. */
    private OrderSteps steps() {
        return new OrderSteps(orders, Idempotency.builder(new InMemoryIdempotencyStore()).clock(CLOCK)
                .objectMapper(EventJson.mapper()).build(),
                new OrderEvents(new EventPublisher(eventBridge, "nagare", REGISTRY, CLOCK)), CLOCK);
    }

    private void place(String orderId, String total) {
        OrderItem order = new OrderItem();
        order.setOrderId(orderId);
        order.setCustomerId("c-1");
        order.setCurrency("EUR");
        order.setTotal(total);
        order.setLines(List.of(new OrderLineItem("TEA-SENCHA-100G", 2, "19.90")));
        order.setPlacedAt(PLACED);
        order.setEventId("partner-42");
        order.setStatus("PLACED");
        order.setHistory(List.of(new StatusChangeItem("PLACED", PLACED, "event partner-42")));
        order.setUpdatedAt(PLACED);
        assertThat(orders.insert(order)).isTrue();
    }

    private OrderItem order(String orderId) {
        return orders.find(orderId).orElseThrow();
    }

    @Test
    void validate_shouldMarkTheOrderValidated_whenItIsConsistent() {
        place("o-1", "39.80");

        assertThat(steps.validate("o-1")).isEqualTo(new StepStatus("o-1", "VALIDATED"));

        OrderItem order = order("o-1");
        assertThat(order.getStatus()).isEqualTo("VALIDATED");
        assertThat(order.getVersion()).isEqualTo(2L);
        assertThat(order.getUpdatedAt()).isEqualTo(NOW);
        assertThat(order.getHistory()).extracting(StatusChangeItem::getStatus).containsExactly("PLACED", "VALIDATED");
    }

    @Test
    void validate_shouldFailListingTheProblems_andLeaveTheOrderPlaced_whenTheTotalIsWrong() {
        place("o-2", "39.90");

        assertThatThrownBy(() -> steps.validate("o-2"))
                .isInstanceOf(OrderInvalidException.class)
                .hasMessage("order 'o-2' is invalid: total 39.90 is not the sum of quantity × unitPrice over the lines"
                        + " (39.80)");
        assertThat(order("o-2").getStatus()).isEqualTo("PLACED");
        assertThat(order("o-2").getVersion()).isEqualTo(1L);
    }

    @Test
    void validate_shouldAnswerTheSame_andWriteOnce_whenRepeated() {
        place("o-3", "39.80");

        StepStatus first = steps.validate("o-3");
        StepStatus second = steps.validate("o-3");
        StepStatus afterExpiry = steps().validate("o-3");

        assertThat(second).isEqualTo(first);
        assertThat(afterExpiry).isEqualTo(first);
        assertThat(order("o-3").getVersion()).isEqualTo(2L);
    }

    @Test
    void validate_shouldFailLoudly_whenTheOrderIsNotRecorded() {
        assertThatThrownBy(() -> steps.validate("nope"))
                .isInstanceOf(OrderNotFoundException.class)
                .hasMessage("validate-order: order 'nope' is not recorded in the orders table (accept-order records an"
                        + " order before starting its saga)");
    }

    @Test
    void confirm_shouldConfirmAndPublishOrderConfirmed_once() {
        place("o-4", "39.80");
        steps.validate("o-4");

        StepStatus first = steps.confirm("o-4", "pay-7Hq2Lm", "shp-000981");
        StepStatus second = steps.confirm("o-4", "pay-7Hq2Lm", "shp-000981");

        assertThat(first).isEqualTo(new StepStatus("o-4", "CONFIRMED")).isEqualTo(second);
        OrderItem order = order("o-4");
        assertThat(order.getStatus()).isEqualTo("CONFIRMED");
        assertThat(order.getPaymentId()).isEqualTo("pay-7Hq2Lm");
        assertThat(order.getShipmentId()).isEqualTo("shp-000981");
        assertThat(order.getConfirmedAt()).isEqualTo(NOW);
        assertThat(order.getVersion()).isEqualTo(3L);
        assertThat(eventBridge.details(OrderConfirmed.DETAIL_TYPE)).singleElement()
                .satisfies(d -> assertThat(d.toString()).contains("\"orderId\":\"o-4\"", "\"customerId\":\"c-1\"",
                        "\"paymentId\":\"pay-7Hq2Lm\"", "\"shipmentId\":\"shp-000981\"", "\"currency\":\"EUR\"",
                        "\"total\":39.80", "\"confirmedAt\":\"2026-11-28T09:20:00Z\"", "\"id\":\"o-4:OrderConfirmed\""));
    }

    @Test
    void confirm_shouldPublishTheSameEventAgain_whenRepeatedAfterTheIdempotencyRecordIsGone() {
        place("o-5", "39.80");
        steps.validate("o-5");
        steps.confirm("o-5", "pay-1", "shp-1");

        assertThat(steps().confirm("o-5", "pay-1", "shp-1")).isEqualTo(new StepStatus("o-5", "CONFIRMED"));

        assertThat(order("o-5").getVersion()).isEqualTo(3L);
        List<String> events = eventBridge.details(OrderConfirmed.DETAIL_TYPE).stream()
                .map(d -> d.toString()).toList();
        assertThat(events).hasSize(2).containsOnly(events.get(0));
    }

    @Test
    void confirm_shouldFailLoudlyWithTheHistory_whenTheOrderIsCancelled() {
        place("o-6", "39.80");
        steps.cancel("o-6", "OUT_OF_STOCK", "ReserveInventory failed with io.nagare.inventory.OutOfStockException");

        assertThatThrownBy(() -> steps.confirm("o-6", "pay-1", "shp-1"))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessage("confirm-order: order 'o-6' cannot go from CANCELLED to CONFIRMED; from CANCELLED it may go"
                        + " to []; history: [PLACED at 2026-11-28T09:15:01Z (event partner-42), CANCELLED at"
                        + " 2026-11-28T09:20:00Z (OUT_OF_STOCK)]");
        assertThat(eventBridge.details(OrderConfirmed.DETAIL_TYPE)).isEmpty();
    }

    @Test
    void confirm_shouldFailLoudly_whenTheOrderWasNeverValidated() {
        place("o-7", "39.80");

        assertThatThrownBy(() -> steps.confirm("o-7", "pay-1", "shp-1"))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("cannot go from PLACED to CONFIRMED; from PLACED it may go to [VALIDATED, CANCELLED]");
    }

    @Test
    void cancel_shouldCancelAndPublishOrderCancelledWithTheReason_once() {
        place("o-8", "39.80");
        steps.validate("o-8");

        StepStatus first = steps.cancel("o-8", "PAYMENT_DECLINED", "AuthorizePayment failed with"
                + " io.nagare.payments.PaymentDeclinedException");
        StepStatus second = steps.cancel("o-8", "PAYMENT_DECLINED", "again");

        assertThat(first).isEqualTo(new StepStatus("o-8", "CANCELLED")).isEqualTo(second);
        OrderItem order = order("o-8");
        assertThat(order.getCancellationReason()).isEqualTo("PAYMENT_DECLINED");
        assertThat(order.getCancelledAt()).isEqualTo(NOW);
        assertThat(eventBridge.details(OrderCancelled.DETAIL_TYPE)).singleElement()
                .satisfies(d -> assertThat(d.toString()).contains("\"reason\":\"PAYMENT_DECLINED\"",
                        "\"detail\":\"AuthorizePayment failed with io.nagare.payments.PaymentDeclinedException\"",
                        "\"customerId\":\"c-1\"", "\"cancelledAt\":\"2026-11-28T09:20:00Z\"",
                        "\"id\":\"o-8:OrderCancelled\""));
    }

    @Test
    void cancel_shouldRefuseAnUnknownReason_listingTheAcceptedOnes() {
        place("o-9", "39.80");

        assertThatThrownBy(() -> steps.cancel("o-9", "BORED", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cancel-order input: reason 'BORED' is not one of [VALIDATION_FAILED, OUT_OF_STOCK,"
                        + " PAYMENT_DECLINED, PAYMENT_UNAVAILABLE, SHIPMENT_FAILED, SHIPMENT_TIMEOUT, CUSTOMER_REQUESTED,"
                        + " INTERNAL_ERROR]");
        assertThat(order("o-9").getStatus()).isEqualTo("PLACED");
    }

    @Test
    void cancel_shouldFitTheDetailToTheSchema_whenBlankOrTooLong() {
        place("o-10", "39.80");
        place("o-11", "39.80");

        steps.cancel("o-10", "INTERNAL_ERROR", " ");
        steps.cancel("o-11", "INTERNAL_ERROR", "x".repeat(5000));

        assertThat(order("o-10").getCancellationDetail()).isEqualTo("Order cancelled: INTERNAL_ERROR");
        assertThat(order("o-11").getCancellationDetail()).hasSize(1000).endsWith("x…");
        assertThat(eventBridge.details(OrderCancelled.DETAIL_TYPE)).hasSize(2);
    }

    @Test
    void cancel_shouldTransitionOnce_whenDuplicatesRaceWithoutSharedIdempotency() throws Exception {
        place("o-12", "39.80");
        List<Callable<StepStatus>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            OrderSteps instance = steps();
            tasks.add(() -> instance.cancel("o-12", "SHIPMENT_TIMEOUT", "RequestShipment failed with States.Timeout"));
        }

        List<StepStatus> answers = runTogether(tasks);

        assertThat(answers).containsOnly(new StepStatus("o-12", "CANCELLED"));
        OrderItem order = order("o-12");
        assertThat(order.getVersion()).isEqualTo(2L);
        assertThat(order.getHistory()).extracting(StatusChangeItem::getStatus).containsExactly("PLACED", "CANCELLED");
    }

    @Test
    void repository_shouldReportAConflict_whenAStaleReadIsWritten() {
        place("o-13", "39.80");
        OrderItem first = order("o-13");
        OrderItem stale = order("o-13");
        first.setStatus("VALIDATED");
        orders.update(first);

        stale.setStatus("CANCELLED");
        assertThatThrownBy(() -> orders.update(stale))
                .isInstanceOf(WriteConflict.class)
                .hasMessage("order 'o-13' changed since version 1 was read");
        assertThat(order("o-13").getStatus()).isEqualTo("VALIDATED");
    }

    @Test
    void handlers_shouldReadTheirFixtures_andAnswerAsTheContractSays() {
        place("o-1", "39.80");

        assertThat(invoke(new ValidateOrderHandler(steps), "steps/validate-order-input.json"))
                .isEqualTo("{\"orderId\":\"o-1\",\"status\":\"VALIDATED\"}");
        assertThat(invoke(new ConfirmOrderHandler(steps), "steps/confirm-order-input.json"))
                .isEqualTo("{\"orderId\":\"o-1\",\"status\":\"CONFIRMED\"}");
        assertThat(invoke(new CancelOrderHandler(steps), "steps/cancel-order-input.json"))
                .isEqualTo("{\"orderId\":\"o-1\",\"status\":\"CANCELLED\"}");
    }

    @Test
    void handlers_shouldNameTheStep_whenTheInputIsNotJson() {
        assertThatThrownBy(() -> new ValidateOrderHandler(steps).handleRequest(
                new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("validate-order input");
    }

    private static String invoke(RequestStreamHandler handler, String fixture) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(Fixtures.text(fixture).getBytes(StandardCharsets.UTF_8)),
                    output, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
