package io.nagare.local.stepfunctions.internal.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the steps of one execution one at a time, in the order they were posted, on a shared executor: timers, task
 * results, API calls and child branches all post here, so an execution's state is never touched by two threads.
 */
final class Mailbox {

    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor executor;
    private final Journal journal;
    private final Consumer<RuntimeException> onBug;
    private Runnable stepEnd = () -> { };

    Mailbox(Executor executor, Journal journal, Consumer<RuntimeException> onBug) {
        this.executor = executor;
        this.journal = journal;
        this.onBug = onBug;
    }

    /** Runs after every step, inside the same store turn (the execution writes what the step changed). */
    void onStepEnd(Runnable hook) {
        this.stepEnd = hook;
    }

    void post(Runnable step) {
        inbox.add(step);
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // The service is closing: the execution continues from the store when the runtime starts again.
                scheduled.set(false);
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable step;
            while ((step = inbox.poll()) != null) {
                Runnable current = step;
                try {
                    journal.turn(() -> {
                        try {
                            current.run();
                        } finally {
                            stepEnd.run();
                        }
                    });
                } catch (RuntimeException e) {
                    journal.turn(() -> {
                        try {
                            onBug.accept(e);
                        } finally {
                            stepEnd.run();
                        }
                    });
                }
            }
            scheduled.set(false);
            if (inbox.isEmpty() || !scheduled.compareAndSet(false, true)) {
                return;
            }
        }
    }
}
