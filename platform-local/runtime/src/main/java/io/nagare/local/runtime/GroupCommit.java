package io.nagare.local.runtime;

/**
 * Shares a store's commits between callers (group commit). A caller that must answer only once its changes are
 * durable (PutEvents, StartExecution) waits in {@link #awaitCommit} for the next commit, which it shares with every
 * caller waiting at that moment; work nobody waits for only marks the store {@link #changed} and is committed within
 * a few milliseconds. One background thread commits; a store without a file has nothing to wait for.
 */
public final class GroupCommit implements AutoCloseable {

    /** How long changes nobody waits for may stay uncommitted. */
    private static final long LATER_MILLIS = 10;

    private final Runnable commit;
    private final Thread thread;
    private long requested;
    /** The highest ticket a commit attempt covered, and the highest one a successful commit covered. */
    private long handled;
    private long completed;
    private boolean dirty;
    private boolean closed;
    /** The highest ticket whose commit failed, and why. */
    private long failedThrough;
    private RuntimeException failure;

    private final String storeName;

    /**
     * @param storeName names the commit thread and the errors, e.g. {@code eventbridge}
     * @param commit    commits the store (e.g. {@code MVStore::commit})
     * @param durable   false for a store without a file: then nothing waits and no thread runs
     */
    public GroupCommit(String storeName, Runnable commit, boolean durable) {
        this.storeName = storeName;
        this.commit = commit;
        if (durable) {
            thread = new Thread(this::run, "nagare-" + storeName + "-commit");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
    }

    /**
     * Returns once everything written before the call is committed; throws when that commit failed or the store
     * closed first, so the caller does not acknowledge what may not be durable.
     */
    public void awaitCommit() {
        if (thread == null) {
            return;
        }
        synchronized (this) {
            long ticket = ++requested;
            notifyAll();
            while (completed < ticket) {
                if (ticket <= failedThrough) {
                    throw new IllegalStateException("the " + storeName + " store could not commit: " + failure, failure);
                }
                if (closed) {
                    throw new IllegalStateException("the " + storeName + " store closed before committing");
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the " + storeName + " store to commit", e);
                }
            }
        }
    }

    /** Asks for a commit soon without waiting for it. */
    public void changed() {
        if (thread == null) {
            return;
        }
        synchronized (this) {
            if (!dirty) {
                dirty = true;
                notifyAll();
            }
        }
    }

    private void run() {
        while (true) {
            long target;
            synchronized (this) {
                try {
                    while (!closed && !dirty && requested == handled) {
                        wait();
                    }
                    if (!closed && requested == handled) {
                        wait(LATER_MILLIS);
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
            RuntimeException failed = null;
            try {
                commit.run();
            } catch (RuntimeException e) {
                failed = e;
            }
            synchronized (this) {
                handled = Math.max(handled, target);
                if (failed == null) {
                    completed = Math.max(completed, target);
                } else {
                    // Waiting callers learn of it; the changes stay in the store and the next commit retries them.
                    failedThrough = Math.max(failedThrough, target);
                    failure = failed;
                    dirty = true;
                }
                notifyAll();
            }
        }
    }

    /** Stops the commit thread; the store's own close commits what is left. */
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
