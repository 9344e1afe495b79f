package io.nagare.local.dynamodb;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.h2.mvstore.MVStore;

/**
 * Makes writes durable before they are answered, sharing one MVStore commit among every write that arrived while
 * the previous commit ran: a writer takes a ticket after changing the maps, then waits until a commit that
 * started after its ticket has finished. Whoever finds no commit running runs the next one.
 */
final class GroupCommit {

    private final MVStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private long applied;
    private long durable;
    private boolean committing;

    GroupCommit(MVStore store) {
        this.store = store;
    }

    /** Records that a change has been applied to the maps; returns the ticket to wait for. */
    long applied() {
        lock.lock();
        try {
            return ++applied;
        } finally {
            lock.unlock();
        }
    }

    /** Returns once the change with {@code ticket} (and every earlier one) is on disk. */
    void awaitDurable(long ticket) {
        lock.lock();
        try {
            while (durable < ticket) {
                if (committing) {
                    committed.awaitUninterruptibly();
                    continue;
                }
                committing = true;
                long target = applied;
                lock.unlock();
                try {
                    store.commit();
                } finally {
                    lock.lock();
                    committing = false;
                    durable = Math.max(durable, target);
                    committed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Applies nothing new but waits for what is pending: for changes made outside the item path (tables). */
    void commitNow() {
        awaitDurable(applied());
    }
}
