package io.nagare.platform.idempotency;

import java.time.Instant;

/**
 * Another attempt of the same key is running (or crashed and has not yet expired): retry later. Step Functions retriers
 * and SQS redelivery do exactly that; a Java Lambda reports it with the class's full name as {@code errorType}
 * ({@link #ERROR_TYPE}), which a saga's {@code Retry} names in {@code ErrorEquals}.
 */
public class IdempotencyInProgressException extends IdempotencyException {

    /** The error name a Step Functions Catch or Retry matches. */
    public static final String ERROR_TYPE = "io.nagare.platform.idempotency.IdempotencyInProgressException";

    private static final long serialVersionUID = 1L;

    private final String key;
    private final Instant inProgressUntil;

    public IdempotencyInProgressException(String key, Instant inProgressUntil) {
        super("idempotency key '" + key + "' is in progress in another attempt until " + inProgressUntil
                + "; retry later");
        this.key = key;
        this.inProgressUntil = inProgressUntil;
    }

    public String key() {
        return key;
    }

    /** When a crashed attempt stops blocking retries. */
    public Instant inProgressUntil() {
        return inProgressUntil;
    }
}
