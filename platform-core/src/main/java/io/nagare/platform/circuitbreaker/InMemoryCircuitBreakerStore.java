package io.nagare.platform.circuitbreaker;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Circuit breaker state in this JVM's memory, with the DynamoDB store's semantics: for unit tests. */
public final class InMemoryCircuitBreakerStore implements CircuitBreakerStore {

    private final Map<String, CircuitRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<CircuitRecord> read(String name) {
        return Optional.ofNullable(records.get(name));
    }

    @Override
    public synchronized boolean compareAndSet(CircuitRecord next) {
        CircuitRecord current = records.get(next.name());
        long version = current == null ? 0 : current.version();
        if (version != next.version() - 1) {
            return false;
        }
        records.put(next.name(), next);
        return true;
    }
}
