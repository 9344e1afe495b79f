package io.nagare.local.stepfunctions.internal.store;

/**
 * Batches commits of the store: changes are committed at most every few milliseconds in the background, and a caller
 * that must answer only once its changes are durable waits for the next commit, which it shares with every other
 * caller waiting at that moment. Without a file there is nothing to wait for.
 */
final class GroupCommitter implements AutoCloseable {

    private static final long BATCH_WINDOW_MILLIS = 10;

    private final Runnable commit;
    private final boolean durable;
    private final Thread thread;
    private long requested;
    private long completed;
    private volatile boolean dirty;
    private boolean closed;

    GroupCommitter(Runnable commit, boolean durable) {
        this.commit = commit;
        this.durable = durable;
        if (durable) {
            thread = new Thread(this::run, "nagare-stepfunctions-commit");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
    }

    void changed() {
        if (!durable || dirty) {
            return;
        }
        synchronized (this) {
            dirty = true;
            notifyAll();
        }
    }

    void awaitCommit() {
        if (!durable) {
            return;
        }
        synchronized (this) {
            long ticket = ++requested;
            notifyAll();
            while (completed < ticket && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void run() {
        while (true) {
            long target;
            synchronized (this) {
                try {
                    while (!closed && !dirty && requested == completed) {
                        wait();
                    }
                    if (!closed && requested == completed) {
                        wait(BATCH_WINDOW_MILLIS);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) {
                    return;
                }
                target = requested;
                dirty = false;
            }
            commit.run();
            synchronized (this) {
                completed = Math.max(completed, target);
                notifyAll();
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
