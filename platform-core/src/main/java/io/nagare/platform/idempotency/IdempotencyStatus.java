package io.nagare.platform.idempotency;

/** Where an idempotent action stands. */
public enum IdempotencyStatus {
    /** An attempt is running it (or crashed; then the record expires at {@link IdempotencyRecord#inProgressUntil()}). */
    IN_PROGRESS,
    /** It ran; the record holds its result. */
    COMPLETED
}
