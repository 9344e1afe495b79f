package io.nagare.platform.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

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
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static final class GatewayDown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GatewayDown() {
            super("gateway down");
        }
    }

    static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryCircuitBreakerStore store = new InMemoryCircuitBreakerStore();
    private final AtomicInteger calls = new AtomicInteger();

    private CircuitBreaker breaker() {
        return CircuitBreaker.builder("payment-provider", store).clock(clock).failureThreshold(3)
                .window(Duration.ofSeconds(60)).openDuration(Duration.ofSeconds(30)).probeTimeout(Duration.ofSeconds(10))
                .recordFailure(e -> e instanceof GatewayDown).build();
    }

    private void fail(CircuitBreaker breaker) {
        assertThatThrownBy(() -> breaker.call(() -> {
            calls.incrementAndGet();
            throw new GatewayDown();
        })).isInstanceOf(GatewayDown.class);
    }

    @Test
    void call_shouldOpenAndFailFast_whenTheThresholdIsReachedWithinTheWindow() {
        CircuitBreaker breaker = breaker();
        assertThat(breaker.call(() -> "ok")).isEqualTo("ok");
        fail(breaker);
        fail(breaker);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        fail(breaker);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);

        assertThatThrownBy(() -> breaker.call(calls::incrementAndGet))
                .isInstanceOfSatisfying(CircuitOpenException.class, e -> {
                    assertThat(e.circuit()).isEqualTo("payment-provider");
                    assertThat(e.state()).isEqualTo(CircuitState.OPEN);
                    assertThat(e.retryAfter()).isEqualTo(clock.instant().plusSeconds(30));
                });
        assertThat(calls).hasValue(3);
        assertThat(breaker.record().failures()).isEqualTo(3);
    }

    @Test
    void call_shouldStayClosed_whenFailuresAreSpreadOverWindows() {
        CircuitBreaker breaker = breaker();
        fail(breaker);
        fail(breaker);
        clock.advance(Duration.ofSeconds(60));
        fail(breaker);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.record().failures()).isEqualTo(1);
    }

    @Test
    void call_shouldNotCountAnswers_whenTheExceptionIsNotAFailure() {
        CircuitBreaker breaker = breaker();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> breaker.call(() -> {
                throw new Declined();
            })).isInstanceOf(Declined.class);
        }
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.record().version()).isZero();
    }

    @Test
    void call_shouldCloseAfterASuccessfulProbe_whenTheOpenDurationHasPassed() {
        CircuitBreaker breaker = breaker();
        fail(breaker);
        fail(breaker);
        fail(breaker);
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);

        assertThat(breaker.call(() -> "probe ok")).isEqualTo("probe ok");
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.record().failures()).isZero();
        fail(breaker);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void call_shouldOpenAgain_whenTheProbeFails() {
        CircuitBreaker breaker = breaker();
        fail(breaker);
        fail(breaker);
        fail(breaker);
        clock.advance(Duration.ofSeconds(31));
        fail(breaker);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.record().openUntil()).isEqualTo(clock.instant().plusSeconds(30));
    }

    @Test
    void call_shouldLetOneProbeAtATime_andRetakeTheLease_whenAProbeCrashed() {
        CircuitBreaker breaker = breaker();
        CircuitBreaker otherInstance = breaker();
        fail(breaker);
        fail(breaker);
        fail(breaker);
        clock.advance(Duration.ofSeconds(30));

        AtomicReference<RuntimeException> seenByOther = new AtomicReference<>();
        breaker.call(() -> {
            try {
                otherInstance.call(calls::incrementAndGet);
            } catch (CircuitOpenException e) {
                seenByOther.set(e);
            }
            // a probe that "crashes": it never records its outcome, so its lease must lapse
            store.compareAndSet(store.read("payment-provider").orElseThrow().next(CircuitState.HALF_OPEN, 3,
                    clock.instant(), clock.instant(), clock.instant().plusSeconds(10), clock.instant()));
            return null;
        });
        assertThat(seenByOther.get()).isInstanceOfSatisfying(CircuitOpenException.class,
                e -> assertThat(e.state()).isEqualTo(CircuitState.HALF_OPEN));
        assertThat(calls).hasValue(3);
        assertThat(breaker.record().probing(clock.instant())).isTrue();

        assertThatThrownBy(() -> otherInstance.call(() -> "x")).isInstanceOf(CircuitOpenException.class);
        clock.advance(Duration.ofSeconds(10));
        assertThat(otherInstance.call(() -> "second probe")).isEqualTo("second probe");
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void call_shouldCountFailuresFromEveryInstance_andRunOneProbe_whenCalledConcurrently() throws Exception {
        int threads = 12;
        List<CircuitBreaker> instances = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            instances.add(breaker());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (CircuitBreaker instance : instances) {
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        instance.call(() -> {
                            throw new GatewayDown();
                        });
                    } catch (GatewayDown | CircuitOpenException expected) {
                        // either counted or refused
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.SECONDS);
            }
            assertThat(instances.get(0).state()).isEqualTo(CircuitState.OPEN);

            clock.advance(Duration.ofSeconds(30));
            AtomicInteger probes = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            // The probe stays in flight until every other instance has been refused: no polling, no timing.
            CountDownLatch othersRefused = new CountDownLatch(threads - 1);
            CountDownLatch go2 = new CountDownLatch(1);
            futures.clear();
            for (CircuitBreaker instance : instances) {
                futures.add(pool.submit(() -> {
                    go2.await();
                    try {
                        instance.call(() -> {
                            probes.incrementAndGet();
                            try {
                                othersRefused.await(5, TimeUnit.SECONDS);
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
            go2.countDown();
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.SECONDS);
            }
            assertThat(probes).hasValue(1);
            assertThat(refused).hasValue(threads - 1);
            assertThat(instances.get(0).state()).isEqualTo(CircuitState.CLOSED);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void builder_shouldRefuseInvalidSettings() {
        assertThatThrownBy(() -> CircuitBreaker.builder("", store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CircuitBreaker.builder("x", store).failureThreshold(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CircuitBreaker.builder("x", store).openDuration(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
