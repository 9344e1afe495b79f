package io.nagare.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
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

import io.nagare.events.EventJson;
import io.nagare.events.inventory.v1.InventoryReleased;
import io.nagare.events.inventory.v1.InventoryReservationFailed;
import io.nagare.events.inventory.v1.InventoryReserved;
import io.nagare.inventory.StockReservations.ReleaseResult;
import io.nagare.inventory.StockReservations.ReservationResult;
import io.nagare.inventory.internal.ReservationItem;
import io.nagare.inventory.internal.StockItem;
import io.nagare.platform.events.EventPublisher;
import io.nagare.platform.idempotency.Idempotency;
import io.nagare.platform.idempotency.IdempotencyInProgressException;
import io.nagare.platform.idempotency.InMemoryIdempotencyStore;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** reserve-inventory and release-inventory against the local runtime's DynamoDB. */
class StockReservationsTest {

    static final Instant NOW = Instant.parse("2026-11-28T09:15:02Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SchemaRegistry REGISTRY = SchemaRegistry.fromClasspath();

    private static LocalTables local;

    private InventoryStore store;
    private RecordingEventBridge eventBridge;
    private StockReservations reservations;
    private Restocking restocking;

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
        store = new InventoryStore(local.dynamoDb, tables.get("NAGARE_TABLE_INVENTORY"),
                tables.get("NAGARE_TABLE_INVENTORY_RESERVATIONS"));
        eventBridge = new RecordingEventBridge();
        reservations = reservations(new OptimisticRetry(OptimisticRetry.DEFAULT_MAX_ATTEMPTS, OptimisticRetry.Pause.JITTER));
        restocking = new Restocking(store, new OptimisticRetry(5, OptimisticRetry.Pause.NONE), CLOCK);
    }

    /** Steps with an idempotency store of their own: what a second instance sees once the first's record expired. */
    private StockReservations reservations(OptimisticRetry retry) {
        Idempotency idempotency = Idempotency.builder(new InMemoryIdempotencyStore()).clock(CLOCK)
                .objectMapper(EventJson.mapper()).build();
        return new StockReservations(store, idempotency,
                new InventoryEvents(new EventPublisher(eventBridge, "nagare", REGISTRY, CLOCK)), retry, CLOCK,
                Duration.ofDays(30));
    }

    private void stock(String sku, long quantity) {
        restocking.restock(List.of(new StockLine(sku, quantity)));
    }

    private StockItem item(String sku) {
        return store.stock(sku).orElseThrow();
    }

    @Test
    void reserve_shouldHoldEveryLine_whenStockSuffices() {
        stock("TEA-SENCHA-100G", 5);
        stock("CUP-YUNOMI-BLUE", 2);

        ReservationResult result = reservations.reserve("o-1", List.of(new StockLine("TEA-SENCHA-100G", 2),
                new StockLine("CUP-YUNOMI-BLUE", 1), new StockLine("TEA-SENCHA-100G", 1)));

        assertThat(result.reservationId()).isNotBlank();
        assertThat(result.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(item("TEA-SENCHA-100G").getAvailable()).isEqualTo(2);
        assertThat(item("TEA-SENCHA-100G").getReserved()).isEqualTo(3);
        assertThat(item("CUP-YUNOMI-BLUE").getAvailable()).isEqualTo(1);
        assertThat(item("CUP-YUNOMI-BLUE").getReserved()).isEqualTo(1);
        ReservationItem reservation = store.reservation("o-1").orElseThrow();
        assertThat(reservation.getStatus()).isEqualTo("RESERVED");
        assertThat(reservation.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)).getEpochSecond());
        assertThat(reservation.getVersion()).isEqualTo(1L);
        assertThat(reservation.getUpdatedAt()).isEqualTo(NOW);

        assertThat(eventBridge.detailTypes()).containsExactly(InventoryReserved.DETAIL_TYPE);
        assertThat(eventBridge.details(InventoryReserved.DETAIL_TYPE).get(0).toString())
                .contains("\"orderId\":\"o-1\"", "\"reservationId\":\"" + result.reservationId() + "\"",
                        "{\"sku\":\"CUP-YUNOMI-BLUE\",\"quantity\":1}", "{\"sku\":\"TEA-SENCHA-100G\",\"quantity\":3}",
                        "\"id\":\"o-1:InventoryReserved\"");
    }

    @Test
    void reserve_shouldReserveNothing_whenOneSkuLacksStock() {
        stock("TEA-SENCHA-100G", 5);
        stock("CUP-YUNOMI-BLUE", 1);

        assertThatThrownBy(() -> reservations.reserve("o-2", List.of(new StockLine("TEA-SENCHA-100G", 2),
                new StockLine("CUP-YUNOMI-BLUE", 3))))
                .isInstanceOf(OutOfStockException.class)
                .hasMessage("order 'o-2': out of stock: CUP-YUNOMI-BLUE (requested 3, available 1); nothing was reserved")
                .satisfies(e -> assertThat(((OutOfStockException) e).skus()).containsExactly("CUP-YUNOMI-BLUE"));

        assertThat(item("TEA-SENCHA-100G").getAvailable()).isEqualTo(5);
        assertThat(item("TEA-SENCHA-100G").getReserved()).isZero();
        assertThat(store.reservation("o-2")).isEmpty();
        assertThat(eventBridge.details(InventoryReservationFailed.DETAIL_TYPE)).singleElement()
                .satisfies(d -> assertThat(d.toString()).contains("\"reason\":\"OUT_OF_STOCK\"",
                        "\"unavailableSkus\":[\"CUP-YUNOMI-BLUE\"]", "\"id\":\"o-2:InventoryReservationFailed\""));
    }

    @Test
    void reserve_shouldNameUnknownSkus_whenSomeAreNotInTheInventory_evenIfOthersLackStock() {
        stock("TEA-SENCHA-100G", 1);

        assertThatThrownBy(() -> reservations.reserve("o-3", List.of(new StockLine("TEA-SENCHA-100G", 5),
                new StockLine("MUG-DISCONTINUED-01", 1))))
                .isInstanceOf(UnknownSkuException.class)
                .hasMessageContaining("unknown skus [MUG-DISCONTINUED-01]");

        assertThat(item("TEA-SENCHA-100G").getAvailable()).isEqualTo(1);
        assertThat(eventBridge.details(InventoryReservationFailed.DETAIL_TYPE)).singleElement()
                .satisfies(d -> assertThat(d.toString()).contains("\"reason\":\"UNKNOWN_SKU\"",
                        "\"unavailableSkus\":[\"MUG-DISCONTINUED-01\"]"));
    }

    @Test
    void reserve_shouldReserveOnce_whenDeliveredTwice() {
        stock("TEA-SENCHA-100G", 5);
        List<StockLine> lines = List.of(new StockLine("TEA-SENCHA-100G", 2));

        ReservationResult first = reservations.reserve("o-4", lines);
        ReservationResult second = reservations.reserve("o-4", lines);

        assertThat(second).isEqualTo(first);
        assertThat(item("TEA-SENCHA-100G").getAvailable()).isEqualTo(3);
        assertThat(item("TEA-SENCHA-100G").getReserved()).isEqualTo(2);
        assertThat(eventBridge.detailTypes()).containsExactly(InventoryReserved.DETAIL_TYPE);
    }

    @Test
    void reserve_shouldReserveOnce_whenTheIdempotencyRecordIsGone() {
        stock("TEA-SENCHA-100G", 5);
        List<StockLine> lines = List.of(new StockLine("TEA-SENCHA-100G", 2));

        ReservationResult first = reservations.reserve("o-5", lines);
        ReservationResult again = reservations(new OptimisticRetry(5, OptimisticRetry.Pause.NONE)).reserve("o-5", lines);

        assertThat(again).isEqualTo(first);
        assertThat(item("TEA-SENCHA-100G").getAvailable()).isEqualTo(3);
        // published again under the same id: the first attempt may have stopped before its event
        assertThat(eventBridge.details(InventoryReserved.DETAIL_TYPE)).hasSize(2)
                .allSatisfy(d -> assertThat(d.get("_cloudevents").get("id").asText()).isEqualTo("o-5:InventoryReserved"));
    }

    @Test
    void reserve_shouldRefuse_whenTheOrderHoldsOtherLines() {
        stock("TEA-SENCHA-100G", 5);
        reservations.reserve("o-6", List.of(new StockLine("TEA-SENCHA-100G", 2)));

        assertThatThrownBy(() -> reservations(new OptimisticRetry(5, OptimisticRetry.Pause.NONE))
                .reserve("o-6", List.of(new StockLine("TEA-SENCHA-100G", 3))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("order 'o-6' already holds reservation")
                .hasMessageContaining("refusing to reserve different lines");
        assertThat(item("TEA-SENCHA-100G").getReserved()).isEqualTo(2);
    }

    @Test
    void reserve_shouldRefuseBadInput_namingTheLine() {
        assertThatThrownBy(() -> reservations.reserve("o-7", List.of(new StockLine("TEA", 1), new StockLine("tea", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("reserve-inventory input lines/1/sku: 'tea' is not a sku");
        assertThatThrownBy(() -> reservations.reserve("o-7", List.of(new StockLine("TEA", 0))))
                .hasMessage("reserve-inventory input lines/0/quantity: 0 is not a positive integer");
        assertThatThrownBy(() -> reservations.reserve("o-7", List.of()))
                .hasMessage("reserve-inventory input lines: at least one line is required");
        assertThatThrownBy(() -> reservations.reserve("", List.of(new StockLine("TEA", 1))))
                .hasMessage("reserve-inventory input: orderId is required");
    }

    @Test
    void reserve_shouldRefuseMoreSkusThanOneTransactionTakes() {
        List<StockLine> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add(new StockLine("SKU-" + i, 1));
        }
        assertThatThrownBy(() -> reservations.reserve("o-8", lines))
                .hasMessageStartingWith("not supported: reserving 100 distinct skus for order 'o-8'");
    }

    @Test
    void reserve_shouldNeverDriveStockNegative_whenOrdersCompete() throws Exception {
        stock("TEA-SENCHA-100G", 10);
        stock("CUP-YUNOMI-BLUE", 10);
        int orders = 16;
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String orderId = "race-" + i;
            long quantity = 1 + i % 3;
            tasks.add(() -> {
                try {
                    reservations.reserve(orderId, List.of(new StockLine("TEA-SENCHA-100G", quantity),
                            new StockLine("CUP-YUNOMI-BLUE", 1)));
                    return quantity;
                } catch (OutOfStockException e) {
                    return 0L;
                }
            });
        }

        List<Long> reserved = runTogether(tasks);

        long teaReserved = reserved.stream().mapToLong(Long::longValue).sum();
        long cupsReserved = reserved.stream().filter(q -> q > 0).count();
        assertThat(item("TEA-SENCHA-100G").getAvailable()).isEqualTo(10 - teaReserved).isNotNegative();
        assertThat(item("TEA-SENCHA-100G").getReserved()).isEqualTo(teaReserved);
        assertThat(item("CUP-YUNOMI-BLUE").getAvailable()).isEqualTo(10 - cupsReserved).isNotNegative();
        assertThat(item("CUP-YUNOMI-BLUE").getReserved()).isEqualTo(cupsReserved);
        assertThat(teaReserved).isBetween(8L, 10L); // 16 orders of 1-3 want 31: stock runs out, whole orders at a time
        assertThat(eventBridge.details(InventoryReserved.DETAIL_TYPE)).hasSize((int) cupsReserved);
    }

    @Test
    void reserve_shouldHoldStockOnce_whenDuplicatesRaceWithoutSharedIdempotency() throws Exception {
        stock("TEA-SENCHA-100G", 10);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            StockReservations instance = reservations(new OptimisticRetry(OptimisticRetry.DEFAULT_MAX_ATTEMPTS,
                    OptimisticRetry.Pause.JITTER));
            tasks.add(() -> instance.reserve("o-dup", List.of(new StockLine("TEA-SENCHA-100G", 3))).reservationId());
        }

        List<String> ids = runTogether(tasks);

        assertThat(ids).hasSize(8).containsOnly(ids.get(0));
        assertThat(item("TEA-SENCHA-100G").getAvailable()).isEqualTo(7);
        assertThat(item("TEA-SENCHA-100G").getReserved()).isEqualTo(3);
    }

    @Test
    void reserve_shouldAnswerInProgress_whenADuplicateArrivesDuringTheFirstAttempt() throws Exception {
        stock("TEA-SENCHA-100G", 10);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> {
                try {
                    return reservations.reserve("o-dup2", List.of(new StockLine("TEA-SENCHA-100G", 3))).reservationId();
                } catch (IdempotencyInProgressException e) {
                    return "in-progress";
                }
            });
        }

        List<String> answers = runTogether(tasks);

        assertThat(answers.stream().filter(a -> !a.equals("in-progress")).distinct()).hasSize(1);
        assertThat(item("TEA-SENCHA-100G").getReserved()).isEqualTo(3);
    }

    @Test
    void release_shouldReturnTheStock_once() {
        stock("TEA-SENCHA-100G", 5);
        ReservationResult reserved = reservations.reserve("o-9", List.of(new StockLine("TEA-SENCHA-100G", 2)));

        ReleaseResult first = reservations.release("o-9");
        ReleaseResult second = reservations.release("o-9");
        ReleaseResult afterExpiry = reservations(new OptimisticRetry(5, OptimisticRetry.Pause.NONE)).release("o-9");

        assertThat(first.released()).isTrue();
        assertThat(second).isEqualTo(first);
        assertThat(afterExpiry).isEqualTo(first);
        assertThat(item("TEA-SENCHA-100G").getAvailable()).isEqualTo(5);
        assertThat(item("TEA-SENCHA-100G").getReserved()).isZero();
        ReservationItem reservation = store.reservation("o-9").orElseThrow();
        assertThat(reservation.getStatus()).isEqualTo("RELEASED");
        assertThat(reservation.getVersion()).isEqualTo(2L);
        assertThat(eventBridge.details(InventoryReleased.DETAIL_TYPE)).isNotEmpty()
                .allSatisfy(d -> assertThat(d.toString()).contains("\"reason\":\"SAGA_COMPENSATION\"",
                        "\"reservationId\":\"" + reserved.reservationId() + "\"", "\"id\":\"o-9:InventoryReleased\""));
    }

    @Test
    void release_shouldAnswerFalse_andBlockALateReserve_whenNothingWasReserved() {
        stock("TEA-SENCHA-100G", 5);

        assertThat(reservations.release("o-10").released()).isFalse();
        assertThat(reservations(new OptimisticRetry(5, OptimisticRetry.Pause.NONE)).release("o-10").released())
                .isFalse();

        assertThatThrownBy(() -> reservations.reserve("o-10", List.of(new StockLine("TEA-SENCHA-100G", 1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("order 'o-10': its reservation is BLOCKED");
        assertThat(item("TEA-SENCHA-100G").getAvailable()).isEqualTo(5);
        assertThat(eventBridge.detailTypes()).isEmpty();
    }

    @Test
    void releaseAndReserve_shouldNeverLeakStock_whenTheyRace() throws Exception {
        stock("TEA-SENCHA-100G", 100);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String orderId = "o-race-" + i;
            tasks.add(() -> {
                try {
                    reservations.reserve(orderId, List.of(new StockLine("TEA-SENCHA-100G", 1)));
                    return "reserved";
                } catch (IllegalStateException e) {
                    return "refused";
                }
            });
            tasks.add(() -> reservations.release(orderId).released() ? "released" : "blocked");
        }

        runTogether(tasks);

        // whichever came first, the saga's compensation wins: nothing stays held
        assertThat(item("TEA-SENCHA-100G").getReserved()).isZero();
        assertThat(item("TEA-SENCHA-100G").getAvailable()).isEqualTo(100);
    }

    @Test
    void restock_shouldAddToKnownSkus_andCreateUnknownOnes() {
        stock("TEA-SENCHA-100G", 3);

        Restocking.RestockResult result = restocking.restock(List.of(new StockLine("TEA-SENCHA-100G", 2),
                new StockLine("NEW-SKU-1", 5), new StockLine("TEA-SENCHA-100G", 1)));

        assertThat(result.items()).containsExactly(new Restocking.StockLevel("NEW-SKU-1", 5, 0),
                new Restocking.StockLevel("TEA-SENCHA-100G", 6, 0));
        assertThat(item("TEA-SENCHA-100G").getVersion()).isEqualTo(2L);
        assertThat(item("NEW-SKU-1").getVersion()).isEqualTo(1L);
        assertThat(item("NEW-SKU-1").getUpdatedAt()).isEqualTo(NOW);
    }

    @Test
    void store_shouldReportAConflict_whenAStaleReadIsWritten() {
        stock("TEA-SENCHA-100G", 3);
        StockItem first = item("TEA-SENCHA-100G");
        StockItem stale = item("TEA-SENCHA-100G");
        first.setAvailable(10);
        store.update(first);

        stale.setAvailable(0);
        assertThatThrownBy(() -> store.update(stale))
                .isInstanceOf(WriteConflict.class)
                .hasMessage("update sku TEA-SENCHA-100G: the item changed since it was read");
        assertThat(item("TEA-SENCHA-100G").getAvailable()).isEqualTo(10);
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
