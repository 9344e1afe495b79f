package io.nagare.local.runtime;

import java.time.Instant;

/**
 * The time every local service reads and schedules on. {@code ./nagare up} uses {@link WallClock}; tests use
 * {@link ManualClock} and advance it, so Wait states, retry back-off, visibility timeouts and TTL never sleep.
 */
public interface LocalClock {

    Instant now();

    /**
     * Runs {@code task} once the clock reaches {@code due} (at once when it already has). Tasks run on the
     * clock's own thread for the wall clock and on the advancing thread for the manual clock, so they must be
     * short and hand heavy work to an executor.
     */
    Timer schedule(Instant due, Runnable task);

    /** A scheduled task that can still be cancelled. */
    interface Timer {
        /** Cancels the task; returns false when it already ran or was cancelled. */
        boolean cancel();
    }
}
