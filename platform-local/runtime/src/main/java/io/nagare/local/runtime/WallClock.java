package io.nagare.local.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Real time, for {@code ./nagare up}. */
public final class WallClock implements LocalClock, AutoCloseable {

    private final Clock clock;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nagare-timers");
        thread.setDaemon(true);
        return thread;
    });

    public WallClock() {
        this(Clock.systemUTC());
    }

    WallClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Timer schedule(Instant due, Runnable task) {
        long delayMicros = Math.max(0, Duration.between(now(), due).toNanos() / 1_000);
        ScheduledFuture<?> future = timers.schedule(task, delayMicros, TimeUnit.MICROSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
