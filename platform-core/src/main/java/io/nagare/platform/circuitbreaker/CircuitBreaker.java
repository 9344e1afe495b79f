package io.nagare.platform.circuitbreaker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A circuit breaker shared by every instance of every function that names it: its state lives in a
 * {@link CircuitBreakerStore} (DynamoDB), and every change is a conditional write on the state's version.
 *
 * <ul>
 *   <li>CLOSED: calls go through. A failure counts in the current window of {@code window}; the window restarts with
 *       the first failure after it ends. {@code failureThreshold} failures in one window open the circuit.</li>
 *   <li>OPEN: calls fail fast with {@link CircuitOpenException} for {@code openDuration}.</li>
 *   <li>HALF_OPEN (the open duration has passed): the one instance whose conditional write takes the probe lease makes
 *       the call; the others fail fast. Success closes the circuit, failure opens it again. A crashed probe's lease
 *       lapses after {@code probeTimeout}.</li>
 * </ul>
 * Only exceptions matching {@code recordFailure} count (default: every {@link RuntimeException} but {@link CircuitOpenException}); others, such as a
 * payment declined by a healthy provider, pass through as answers. Successes in CLOSED are not written.
 *
 * <pre>{@code
 * CircuitBreaker breaker = CircuitBreaker.builder("payment-provider",
 *         DynamoDbCircuitBreakerStore.fromEnvironment(dynamoDb, env)).failureThreshold(5).build();
 * Authorization auth = breaker.call(() -> gateway.authorize(order));
 * }</pre>
 */
public final class CircuitBreaker {

    private static final int MAX_WRITE_ATTEMPTS = 10;

    private final String name;
    private final CircuitBreakerStore store;
    private final Clock clock;
    private final int failureThreshold;
    private final Duration window;
    private final Duration openDuration;
    private final Duration probeTimeout;
    private final Predicate<Throwable> recordFailure;

    private CircuitBreaker(Builder builder) {
        this.name = builder.name;
        this.store = builder.store;
        this.clock = builder.clock;
        this.failureThreshold = builder.failureThreshold;
        this.window = builder.window;
        this.openDuration = builder.openDuration;
        this.probeTimeout = builder.probeTimeout;
        this.recordFailure = builder.recordFailure;
    }

    public static Builder builder(String name, CircuitBreakerStore store) {
        return new Builder(name, store);
    }

    public String name() {
        return name;
    }

    /**
     * Makes the call through the circuit.
     *
     * @throws CircuitOpenException when the circuit is open, or half-open with another instance probing
     */
    public <T> T call(Supplier<T> action) {
        Objects.requireNonNull(action, "action");
        for (int tries = 0; tries < MAX_WRITE_ATTEMPTS; tries++) {
            Instant now = clock.instant();
            CircuitRecord current = record(now);
            switch (current.effectiveState(now)) {
                case CLOSED:
                    return callClosed(action);
                case OPEN:
                    throw new CircuitOpenException(name, CircuitState.OPEN, current.openUntil());
                case HALF_OPEN:
                default:
                    if (current.probing(now)) {
                        throw new CircuitOpenException(name, CircuitState.HALF_OPEN, current.probeUntil());
                    }
                    CircuitRecord probe = current.next(CircuitState.HALF_OPEN, current.failures(),
                            current.windowStart(), current.openUntil(), now.plus(probeTimeout), now);
                    if (store.compareAndSet(probe)) {
                        return callProbe(probe, action);
                    }
                    // another instance changed the state first: look again
            }
        }
        throw new CircuitBreakerException("circuit '" + name + "': its state kept changing during " + MAX_WRITE_ATTEMPTS
                + " attempts to take the half-open probe");
    }

    /** As {@link #call(Supplier)}, for an action without a result. */
    public void run(Runnable action) {
        Objects.requireNonNull(action, "action");
        call(() -> {
            action.run();
            return null;
        });
    }

    /** The state callers see now (an OPEN circuit past its open duration is HALF_OPEN): for operators. */
    public CircuitState state() {
        Instant now = clock.instant();
        return record(now).effectiveState(now);
    }

    /** The stored record (never written: a fresh CLOSED one, version 0): for operators. */
    public CircuitRecord record() {
        return record(clock.instant());
    }

    private CircuitRecord record(Instant now) {
        return store.read(name).orElseGet(() -> CircuitRecord.initial(name, now));
    }

    private <T> T callClosed(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            if (recordFailure.test(e)) {
                try {
                    countFailure();
                } catch (RuntimeException storeFailure) {
                    e.addSuppressed(storeFailure);
                }
            }
            throw e;
        }
    }

    private void countFailure() {
        for (int tries = 0; tries < MAX_WRITE_ATTEMPTS; tries++) {
            Instant now = clock.instant();
            CircuitRecord current = record(now);
            if (current.effectiveState(now) != CircuitState.CLOSED) {
                return; // another instance opened it meanwhile
            }
            boolean windowOver = !current.windowStart().plus(window).isAfter(now);
            int failures = windowOver ? 1 : current.failures() + 1;
            Instant windowStart = windowOver ? now : current.windowStart();
            CircuitRecord next = failures >= failureThreshold
                    ? current.next(CircuitState.OPEN, failures, windowStart, now.plus(openDuration), Instant.EPOCH, now)
                    : current.next(CircuitState.CLOSED, failures, windowStart, Instant.EPOCH, Instant.EPOCH,
                            current.changedAt());
            if (store.compareAndSet(next)) {
                return;
            }
        }
        throw new CircuitBreakerException("circuit '" + name + "': could not count a failure: its state kept changing");
    }

    private <T> T callProbe(CircuitRecord probe, Supplier<T> action) {
        T result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            Instant now = clock.instant();
            CircuitRecord next = recordFailure.test(e)
                    ? probe.next(CircuitState.OPEN, probe.failures() + 1, probe.windowStart(), now.plus(openDuration),
                            Instant.EPOCH, now)
                    : closed(probe, now);
            try {
                store.compareAndSet(next); // false: our lease lapsed and another probe decides
            } catch (RuntimeException storeFailure) {
                e.addSuppressed(storeFailure);
            }
            throw e;
        }
        try {
            store.compareAndSet(closed(probe, clock.instant()));
        } catch (RuntimeException storeFailure) {
            // the call succeeded: its answer counts more than recording it; the probe's lease lapses and another decides
        }
        return result;
    }

    private static CircuitRecord closed(CircuitRecord probe, Instant now) {
        return probe.next(CircuitState.CLOSED, 0, now, Instant.EPOCH, Instant.EPOCH, now);
    }

    /**
     * Settings with defaults: 5 failures in 60 s open the circuit for 30 s; a probe's lease lasts 30 s; the system UTC
     * clock; every {@link RuntimeException} counts but another circuit's {@link CircuitOpenException}.
     */
    public static final class Builder {
        private final String name;
        private final CircuitBreakerStore store;
        private Clock clock = Clock.systemUTC();
        private int failureThreshold = 5;
        private Duration window = Duration.ofSeconds(60);
        private Duration openDuration = Duration.ofSeconds(30);
        private Duration probeTimeout = Duration.ofSeconds(30);
        private Predicate<Throwable> recordFailure = e -> !(e instanceof CircuitOpenException);

        private Builder(String name, CircuitBreakerStore store) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a circuit breaker needs a name");
            }
            this.name = name;
            this.store = Objects.requireNonNull(store, "store");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder failureThreshold(int failureThreshold) {
            if (failureThreshold < 1) {
                throw new IllegalArgumentException("failureThreshold must be at least 1: " + failureThreshold);
            }
            this.failureThreshold = failureThreshold;
            return this;
        }

        public Builder window(Duration window) {
            this.window = positive(window, "window");
            return this;
        }

        public Builder openDuration(Duration openDuration) {
            this.openDuration = positive(openDuration, "openDuration");
            return this;
        }

        /** How long a half-open probe holds its lease; above the protected call's timeout. */
        public Builder probeTimeout(Duration probeTimeout) {
            this.probeTimeout = positive(probeTimeout, "probeTimeout");
            return this;
        }

        /** Which exceptions count as the dependency failing (others are answers and pass through). */
        public Builder recordFailure(Predicate<Throwable> recordFailure) {
            this.recordFailure = Objects.requireNonNull(recordFailure, "recordFailure");
            return this;
        }

        public CircuitBreaker build() {
            return new CircuitBreaker(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
