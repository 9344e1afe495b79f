package io.nagare.local.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to. {@link #advance} runs every task that falls due, in due order (ties in
 * scheduling order), with {@link #now()} set to each task's due time while it runs; tasks scheduled by those
 * tasks run too if they fall within the advance.
 */
public final class ManualClock implements LocalClock {

    private final Object lock = new Object();
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Timer schedule(Instant due, Runnable task) {
        Scheduled scheduled = new Scheduled(due, sequence.incrementAndGet(), task);
        synchronized (lock) {
            queue.add(scheduled);
        }
        return () -> scheduled.cancelled.compareAndSet(false, true);
    }

    /** Moves time forward by {@code duration}, running what falls due on the way. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back: " + duration);
        }
        advanceTo(now.plus(duration));
    }

    /** Moves time forward to {@code target}, running what falls due on the way. */
    public void advanceTo(Instant target) {
        if (target.isBefore(now)) {
            throw new IllegalArgumentException("a clock cannot go back from " + now + " to " + target);
        }
        while (true) {
            Scheduled next;
            synchronized (lock) {
                next = queue.peek();
                if (next == null || next.due.isAfter(target)) {
                    break;
                }
                queue.poll();
            }
            if (next.due.isAfter(now)) {
                now = next.due;
            }
            if (next.cancelled.compareAndSet(false, true)) {
                next.task.run();
            }
        }
        now = target;
    }

    /** Runs the tasks already due without moving time. */
    public void runDue() {
        advanceTo(now);
    }

    /** How many scheduled tasks have not run or been cancelled yet. */
    public int pending() {
        synchronized (lock) {
            return (int) queue.stream().filter(s -> !s.cancelled.get()).count();
        }
    }

    private static final class Scheduled implements Comparable<Scheduled> {
        final Instant due;
        final long order;
        final Runnable task;
        final AtomicBoolean cancelled = new AtomicBoolean();

        Scheduled(Instant due, long order, Runnable task) {
            this.due = due;
            this.order = order;
            this.task = task;
        }

        @Override
        public int compareTo(Scheduled other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }
    }
}
