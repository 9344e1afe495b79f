package io.nagare.platform.circuitbreaker;

import java.util.Optional;

/**
 * Where circuit breakers' shared state lives: {@link DynamoDbCircuitBreakerStore} (shared by every instance of every
 * function), {@link InMemoryCircuitBreakerStore} in unit tests.
 */
public interface CircuitBreakerStore {

    /** The breaker's state, if it was ever written (a strongly consistent read). */
    Optional<CircuitRecord> read(String name);

    /**
     * Writes {@code next} if the stored version is still {@code next.version() - 1} (absent counts as version 0).
     *
     * @return whether it did; false means another instance changed it first
     */
    boolean compareAndSet(CircuitRecord next);
}
