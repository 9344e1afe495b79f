package io.nagare.platform.idempotency;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An idempotency store in this JVM's memory, with the DynamoDB store's semantics: for unit tests. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private final Map<String, IdempotencyRecord> records = new ConcurrentHashMap<>();

    @Override
    public synchronized Optional<IdempotencyRecord> start(IdempotencyRecord record, Instant now) {
        IdempotencyRecord existing = records.get(record.key());
        if (existing != null && !existing.isStale(now)) {
            return Optional.of(existing);
        }
        records.put(record.key(), record);
        return Optional.empty();
    }

    @Override
    public synchronized boolean complete(String key, String attempt, String result, Instant expiresAt) {
        IdempotencyRecord existing = records.get(key);
        if (existing == null || !existing.attempt().equals(attempt)) {
            return false;
        }
        records.put(key, new IdempotencyRecord(key, attempt, IdempotencyStatus.COMPLETED, result,
                existing.inProgressUntil(), expiresAt));
        return true;
    }

    @Override
    public synchronized void release(String key, String attempt) {
        IdempotencyRecord existing = records.get(key);
        if (existing != null && existing.attempt().equals(attempt) && existing.status() == IdempotencyStatus.IN_PROGRESS) {
            records.remove(key);
        }
    }

    @Override
    public Optional<IdempotencyRecord> find(String key) {
        return Optional.ofNullable(records.get(key));
    }
}
