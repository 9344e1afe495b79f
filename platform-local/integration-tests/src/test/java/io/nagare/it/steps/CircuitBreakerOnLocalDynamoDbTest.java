package io.nagare.it.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.nagare.platform.circuitbreaker.CircuitBreaker;
import io.nagare.platform.circuitbreaker.CircuitOpenException;
import io.nagare.platform.circuitbreaker.CircuitRecord;
import io.nagare.platform.circuitbreaker.CircuitState;
import io.nagare.platform.circuitbreaker.DynamoDbCircuitBreakerStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CircuitBreakerOnLocalDynamoDbTest {

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

    private DynamoDbCircuitBreakerStore store() {
        return DynamoDbCircuitBreakerStore.fromEnvironment(local.dynamoDb, local.environment);
    }

    /** One Lambda instance's breaker over the shared table. */
    private CircuitBreaker instance(String name) {
        return CircuitBreaker.builder(name, store()).clock(clock).failureThreshold(3)
                .window(Duration.ofSeconds(60)).openDuration(Duration.ofSeconds(30)).probeTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static void failOnce(CircuitBreaker breaker) {
        assertThatThrownBy(() -> breaker.call(() -> {
            throw new IllegalStateException("payment gateway 503");
        })).hasMessage("payment gateway 503");
    }

    @Test
    void call_shouldOpenForEveryInstance_whenFailuresFromSeveralInstancesReachTheThreshold() {
        CircuitBreaker a = instance("payments-open");
        CircuitBreaker b = instance("payments-open");
        failOnce(a);
        failOnce(b);
        assertThat(a.state()).isEqualTo(CircuitState.CLOSED);
        failOnce(a);

        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> b.call(calls::incrementAndGet))
                .isInstanceOfSatisfying(CircuitOpenException.class, e -> {
                    assertThat(e.circuit()).isEqualTo("payments-open");
                    assertThat(e.retryAfter()).isEqualTo(clock.instant().plusSeconds(30));
                });
        assertThat(calls).hasValue(0);
        List<CircuitRecord> all = store().readAll();
        assertThat(all).filteredOn(r -> r.name().equals("payments-open")).singleElement()
                .satisfies(r -> {
                    assertThat(r.state()).isEqualTo(CircuitState.OPEN);
                    assertThat(r.failures()).isEqualTo(3);
                });
    }

    @Test
    void call_shouldCloseOnASuccessfulProbe_andOpenAgainOnAFailedOne() {
        CircuitBreaker breaker = instance("payments-probe");
        failOnce(breaker);
        failOnce(breaker);
        failOnce(breaker);
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        failOnce(breaker);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);

        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.call(() -> "authorized")).isEqualTo("authorized");
        assertThat(instance("payments-probe").state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.record().failures()).isZero();
    }

    @Test
    void call_shouldLetExactlyOneInstanceProbe_whenHalfOpenUnderConcurrency() throws Exception {
        String name = "payments-concurrent";
        CircuitBreaker first = instance(name);
        failOnce(first);
        failOnce(first);
        failOnce(first);
        clock.advance(Duration.ofSeconds(30));

        int threads = 12;
        AtomicInteger probes = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        // The probe stays in flight until every other instance has been refused: no polling, no timing.
        CountDownLatch othersRefused = new CountDownLatch(threads - 1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                CircuitBreaker breaker = instance(name);
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        breaker.call(() -> {
                            probes.incrementAndGet();
                            try {
                                othersRefused.await(20, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return "ok";
                        });
                    } catch (CircuitOpenException e) {
                        refused.incrementAndGet();
                        othersRefused.countDown();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get(20, TimeUnit.SECONDS);
            }
            assertThat(probes).hasValue(1);
            assertThat(refused).hasValue(threads - 1);
            assertThat(first.state()).isEqualTo(CircuitState.CLOSED);
        } finally {
            pool.shutdownNow();
        }
    }
}
