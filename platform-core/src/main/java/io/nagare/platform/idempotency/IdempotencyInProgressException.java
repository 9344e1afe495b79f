package io.nagare.platform.idempotency;

import java.time.Instant;

/**
 * Another attempt of the same key is running (or crashed and has not yet expired): retry later. Step Functions retriers
 * and SQS redelivery do exactly that; the error name a saga sees is this class's simple name.
 */
public class IdempotencyInProgressException extends IdempotencyException {

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
