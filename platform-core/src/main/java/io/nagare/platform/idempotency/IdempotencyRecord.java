package io.nagare.platform.idempotency;

import java.time.Instant;
import java.util.Objects;

/**
 * One idempotency record as stored.
 *
 * @param key             the idempotency key (e.g. {@code <saga execution>#<step>} or an event id)
 * @param attempt         the id of the attempt that wrote it
 * @param status          in progress or completed
 * @param result          the action's result as JSON, when completed
 * @param inProgressUntil when an in-progress record stops blocking others (a crashed attempt may then be retried)
 * @param expiresAt       when the record stops counting (and DynamoDB's TTL deletes it)
 */
public record IdempotencyRecord(String key, String attempt, IdempotencyStatus status, String result,
                                Instant inProgressUntil, Instant expiresAt) {

    public IdempotencyRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(inProgressUntil, "inProgressUntil");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether this record no longer prevents a new attempt at {@code now}. */
    public boolean isStale(Instant now) {
        return !expiresAt.isAfter(now) || (status == IdempotencyStatus.IN_PROGRESS && !inProgressUntil.isAfter(now));
    }
}
