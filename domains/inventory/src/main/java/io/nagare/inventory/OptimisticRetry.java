package io.nagare.inventory;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a read-modify-write again when its conditional write lost a race ({@link WriteConflict}); each attempt reads
 * afresh. After {@code maxAttempts} it reports the conflict as {@link InventoryConflictException}.
 */
final class OptimisticRetry {

    static final int DEFAULT_MAX_ATTEMPTS = 50;

    private final int maxAttempts;
    private final Pause pause;

    OptimisticRetry(int maxAttempts, Pause pause) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.pause = pause;
    }

    /** Up to {@value #DEFAULT_MAX_ATTEMPTS} attempts, with a short random pause between them. */
    static OptimisticRetry withJitter() {
        return new OptimisticRetry(DEFAULT_MAX_ATTEMPTS, Pause.JITTER);
    }

    <T> T run(String what, Supplier<T> attempt) {
        WriteConflict last = null;
        for (int i = 1; i <= maxAttempts; i++) {
            try {
                return attempt.get();
            } catch (WriteConflict conflict) {
                last = conflict;
                if (i < maxAttempts) {
                    pause.before(i + 1);
                }
            }
        }
        throw new InventoryConflictException(what + ": gave up after " + maxAttempts
                + " attempts lost optimistic-locking races; last: " + last.getMessage());
    }

    /** What to do before attempt {@code n}: spread competing writers apart. */
    @FunctionalInterface
    interface Pause {
        /** Up to 2^n ms, at most 50 ms: contention on a hot sku clears in a few rounds. */
        Pause JITTER = attempt -> {
            long bound = Math.min(50, 1L << Math.min(attempt, 6));
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while retrying a stock change", e);
            }
        };
        Pause NONE = attempt -> { };

        void before(int attempt);
    }
}
