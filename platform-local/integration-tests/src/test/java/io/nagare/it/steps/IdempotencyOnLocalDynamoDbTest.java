package io.nagare.it.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.nagare.platform.idempotency.DynamoDbIdempotencyStore;
import io.nagare.platform.idempotency.Idempotency;
import io.nagare.platform.idempotency.IdempotencyInProgressException;
import io.nagare.platform.idempotency.IdempotencyRecord;
import io.nagare.platform.idempotency.IdempotencyStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class IdempotencyOnLocalDynamoDbTest {

    record Charge(String chargeId, long amount) {
    }

    private static LocalDynamoDbSteps local;

    private final LocalDynamoDbSteps.MutableClock clock =
            new LocalDynamoDbSteps.MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeAll
    static void start() {
        local = new LocalDynamoDbSteps();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    /** One Lambda instance's view: its own store and Idempotency over the shared table. */
    private Idempotency instance() {
        return Idempotency.builder(DynamoDbIdempotencyStore.fromEnvironment(local.dynamoDb, local.environment))
                .clock(clock).inProgressTimeout(Duration.ofMinutes(1)).retention(Duration.ofHours(1)).build();
    }

    @Test
    void run_shouldChargeOnce_whenTheSameStepIsDeliveredAgain() {
        AtomicInteger charges = new AtomicInteger();
        String key = Idempotency.key("exec-dup", "authorize-payment");
        Charge first = instance().run(key, Charge.class, () -> new Charge("ch-" + charges.incrementAndGet(), 4200));
        Charge again = instance().run(key, Charge.class, () -> new Charge("ch-" + charges.incrementAndGet(), 4200));

        assertThat(charges).hasValue(1);
        assertThat(again).isEqualTo(first);
        Map<String, AttributeValue> item = local.dynamoDb.getItem(b -> b.tableName(LocalDynamoDbSteps.IDEMPOTENCY_TABLE)
                .key(Map.of("id", AttributeValue.builder().s(key).build())).consistentRead(true)).item();
        assertThat(item.get("status").s()).isEqualTo("COMPLETED");
        assertThat(item.get("result").s()).contains("ch-1");
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(clock.instant().plus(Duration.ofHours(1)).getEpochSecond());
    }

    @Test
    void run_shouldFailFastWhileInProgress_andRetryAfterACrashedAttemptExpires() {
        String key = Idempotency.key("exec-crash", "reserve-inventory");
        assertThatThrownBy(() -> instance().run(key, String.class, () -> instance().run(key, String.class, () -> "inner")))
                .isInstanceOf(IdempotencyInProgressException.class);
        // the outer attempt failed (with the inner one's exception), so it released the key
        assertThat(instance().find(key)).isEmpty();

        // a crashed attempt leaves an in-progress record behind
        DynamoDbIdempotencyStore store = DynamoDbIdempotencyStore.fromEnvironment(local.dynamoDb, local.environment);
        assertThat(store.start(new IdempotencyRecord(key, "crashed", IdempotencyStatus.IN_PROGRESS, null,
                clock.instant().plus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofHours(1))), clock.instant()))
                .isEmpty();
        assertThatThrownBy(() -> instance().run(key, String.class, () -> "blocked"))
                .isInstanceOfSatisfying(IdempotencyInProgressException.class,
                        e -> assertThat(e.inProgressUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1))));
        clock.advance(Duration.ofMinutes(1));
        assertThat(instance().run(key, String.class, () -> "retried")).isEqualTo("retried");
        assertThat(instance().run(key, String.class, () -> "third")).isEqualTo("retried");
    }

    @Test
    void run_shouldRunAgain_whenTheActionFailedOrTheRecordExpired() {
        AtomicInteger runs = new AtomicInteger();
        String key = Idempotency.key("exec-fail", "capture-payment");
        assertThatThrownBy(() -> instance().run(key, Integer.class, () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("provider timeout");
        })).hasMessage("provider timeout");
        assertThat(instance().run(key, Integer.class, runs::incrementAndGet)).isEqualTo(2);
        assertThat(instance().run(key, Integer.class, runs::incrementAndGet)).isEqualTo(2);
        clock.advance(Duration.ofHours(1));
        assertThat(instance().run(key, Integer.class, runs::incrementAndGet)).isEqualTo(3);
    }

    @Test
    void run_shouldNeverRunTwice_whenInstancesDeliverDuplicatesConcurrently() throws Exception {
        int threads = 16;
        AtomicInteger runs = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        // The one attempt that runs stays in progress until every duplicate has had its answer: no timing involved.
        CountDownLatch duplicatesAnswered = new CountDownLatch(threads - 1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Idempotency idempotency = instance();
                futures.add(pool.submit(() -> {
                    go.await();
                    boolean[] ranHere = {false};
                    try {
                        return idempotency.run("concurrent#ship", String.class, () -> {
                            ranHere[0] = true;
                            runs.incrementAndGet();
                            awaitQuietly(duplicatesAnswered);
                            return "shipped";
                        });
                    } finally {
                        if (!ranHere[0]) {
                            duplicatesAnswered.countDown();
                        }
                    }
                }));
            }
            go.countDown();
            int results = 0;
            int inProgress = 0;
            for (Future<String> future : futures) {
                try {
                    assertThat(future.get(30, TimeUnit.SECONDS)).isEqualTo("shipped");
                    results++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(IdempotencyInProgressException.class);
                    inProgress++;
                }
            }
            assertThat(runs).hasValue(1);
            assertThat(results).isEqualTo(1);
            assertThat(inProgress).isEqualTo(threads - 1);
            assertThat(instance().run("concurrent#ship", String.class, () -> "again")).isEqualTo("shipped");
            assertThat(runs).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
