package io.nagare.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.type.TypeFactory;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

    record Charge(String chargeId, long amount) {
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final Idempotency idempotency = Idempotency.builder(store).clock(clock)
            .inProgressTimeout(Duration.ofMinutes(1)).retention(Duration.ofHours(1)).build();

    @Test
    void run_shouldReturnTheFirstResultWithoutRunningAgain_whenTheKeyIsRepeated() {
        AtomicInteger runs = new AtomicInteger();
        Charge first = idempotency.run("exec-1#charge", Charge.class, () -> new Charge("ch-" + runs.incrementAndGet(), 100));
        Charge second = idempotency.run("exec-1#charge", Charge.class, () -> new Charge("ch-" + runs.incrementAndGet(), 100));

        assertThat(runs).hasValue(1);
        assertThat(second).isEqualTo(first).isEqualTo(new Charge("ch-1", 100));
        assertThat(idempotency.find("exec-1#charge")).get()
                .extracting(IdempotencyRecord::status).isEqualTo(IdempotencyStatus.COMPLETED);
    }

    @Test
    void run_shouldRunAgain_whenTheKeyDiffers() {
        AtomicInteger runs = new AtomicInteger();
        idempotency.run(Idempotency.key("exec-1", "reserve"), Integer.class, runs::incrementAndGet);
        idempotency.run(Idempotency.key("exec-2", "reserve"), Integer.class, runs::incrementAndGet);
        assertThat(runs).hasValue(2);
    }

    @Test
    void run_shouldFailFast_whenAnotherAttemptIsInProgress() {
        assertThatThrownBy(() -> idempotency.run("k", String.class, () -> idempotency.run("k", String.class, () -> "inner")))
                .isInstanceOf(IdempotencyInProgressException.class)
                .hasMessageContaining("'k'")
                .satisfies(e -> assertThat(((IdempotencyInProgressException) e).inProgressUntil())
                        .isEqualTo(clock.instant().plus(Duration.ofMinutes(1))));
    }

    @Test
    void run_shouldLetARetryRunIt_whenTheActionFailed() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> idempotency.run("k", String.class, () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("gateway down");
        })).hasMessage("gateway down");
        assertThat(idempotency.find("k")).isEmpty();

        assertThat(idempotency.run("k", String.class, () -> "ok-" + runs.incrementAndGet())).isEqualTo("ok-2");
    }

    @Test
    void run_shouldLetARetryRunIt_whenACrashedAttemptsRecordHasExpired() {
        store.start(new IdempotencyRecord("k", "crashed", IdempotencyStatus.IN_PROGRESS, null,
                clock.instant().plus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofHours(1))), clock.instant());
        assertThatThrownBy(() -> idempotency.run("k", String.class, () -> "x"))
                .isInstanceOf(IdempotencyInProgressException.class);

        clock.advance(Duration.ofMinutes(1));
        assertThat(idempotency.run("k", String.class, () -> "retried")).isEqualTo("retried");
    }

    @Test
    void run_shouldRunAgain_whenTheCompletedRecordHasExpired() {
        AtomicInteger runs = new AtomicInteger();
        idempotency.run("k", Integer.class, runs::incrementAndGet);
        clock.advance(Duration.ofMinutes(59));
        assertThat(idempotency.run("k", Integer.class, runs::incrementAndGet)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(idempotency.run("k", Integer.class, runs::incrementAndGet)).isEqualTo(2);
    }

    @Test
    void run_shouldStoreNullAndGenericResults() {
        assertThat(idempotency.run("null", String.class, () -> null)).isNull();
        assertThat(idempotency.run("null", String.class, () -> "second")).isNull();

        var listType = TypeFactory.defaultInstance().constructCollectionType(List.class, Charge.class);
        List<Charge> charges = List.of(new Charge("a", 1), new Charge("b", 2));
        idempotency.run("list", listType, () -> charges);
        List<Charge> again = idempotency.run("list", listType, List::of);
        assertThat(again).isEqualTo(charges);
    }

    @Test
    void run_shouldNeverRunTwice_whenDuplicatesArriveConcurrently() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return idempotency.run("concurrent", String.class, () -> {
                        runs.incrementAndGet();
                        try {
                            release.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return "charged";
                    });
                }));
            }
            go.countDown();
            int inProgress = 0;
            List<Future<String>> pending = new ArrayList<>(futures);
            // All but the one running attempt fail fast while it runs.
            for (Future<String> future : futures) {
                if (future.isDone() || waitDone(future)) {
                    try {
                        future.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(IdempotencyInProgressException.class);
                        inProgress++;
                        pending.remove(future);
                    }
                }
            }
            release.countDown();
            for (Future<String> future : pending) {
                assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("charged");
            }
            assertThat(pending).hasSize(1);
            assertThat(inProgress).isEqualTo(threads - 1);
            assertThat(runs).hasValue(1);
            assertThat(idempotency.run("concurrent", String.class, () -> "again")).isEqualTo("charged");
            assertThat(runs).hasValue(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static boolean waitDone(Future<?> future) {
        try {
            future.get(200, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    @Test
    void run_shouldReturnTheResultAndKeepDuplicatesOut_whenStoringTheResultFails() {
        IdempotencyStore failingComplete = new IdempotencyStore() {
            @Override
            public java.util.Optional<IdempotencyRecord> start(IdempotencyRecord record, Instant now) {
                return store.start(record, now);
            }

            @Override
            public boolean complete(String key, String attempt, String result, Instant expiresAt) {
                throw new IdempotencyException("table unavailable");
            }

            @Override
            public void release(String key, String attempt) {
                store.release(key, attempt);
            }

            @Override
            public java.util.Optional<IdempotencyRecord> find(String key) {
                return store.find(key);
            }
        };
        Idempotency flaky = Idempotency.builder(failingComplete).clock(clock)
                .inProgressTimeout(Duration.ofMinutes(1)).retention(Duration.ofHours(1)).build();
        assertThat(flaky.run("k", String.class, () -> "charged")).isEqualTo("charged");
        assertThatThrownBy(() -> flaky.run("k", String.class, () -> "charged twice"))
                .isInstanceOf(IdempotencyInProgressException.class);
    }

    @Test
    void builder_shouldRefuseARetentionShorterThanTheInProgressTimeout() {
        assertThatThrownBy(() -> Idempotency.builder(store).inProgressTimeout(Duration.ofHours(2))
                .retention(Duration.ofHours(1)).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Idempotency.key("a", "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Idempotency.key("exec", "step")).isEqualTo("exec#step");
    }
}
