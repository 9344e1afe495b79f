package io.nagare.platform.idempotency;

import java.util.Optional;

/**
 * Where idempotency records live: {@link DynamoDbIdempotencyStore} on AWS and locally, {@link InMemoryIdempotencyStore}
 * in unit tests. Every method is atomic.
 */
public interface IdempotencyStore {

    /**
     * Writes {@code record} (status {@code IN_PROGRESS}) unless a record for its key exists that is not
     * {@linkplain IdempotencyRecord#isStale(java.time.Instant) stale} at {@code now}.
     *
     * @return empty when written; otherwise the record in the way (empty too if it vanished meanwhile: retry)
     */
    Optional<IdempotencyRecord> start(IdempotencyRecord record, java.time.Instant now);

    /**
     * Marks the key completed with this result, if the record still belongs to {@code attempt}.
     *
     * @return whether it did
     */
    boolean complete(String key, String attempt, String result, java.time.Instant expiresAt);

    /** Deletes the key's in-progress record if it still belongs to {@code attempt}, so the action can be retried. */
    void release(String key, String attempt);

    /** The key's record, if any (a strongly consistent read). */
    Optional<IdempotencyRecord> find(String key);
}
