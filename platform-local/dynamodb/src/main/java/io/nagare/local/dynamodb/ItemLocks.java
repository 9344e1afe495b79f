package io.nagare.local.dynamodb;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises writes to the same item (conditional writes are read-check-write) with a fixed set of striped locks.
 * A transaction takes the stripes of all its items in ascending order, so two transactions never deadlock.
 */
final class ItemLocks {

    private static final int STRIPES = 1024;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    ItemLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    int stripe(long tableId, byte[] key) {
        int hash = Long.hashCode(tableId) * 31 + Arrays.hashCode(key);
        hash ^= hash >>> 16;
        return hash & (STRIPES - 1);
    }

    /** Locks one item; the returned handle unlocks it. */
    Held lock(long tableId, byte[] key) {
        ReentrantLock lock = locks[stripe(tableId, key)];
        lock.lock();
        return lock::unlock;
    }

    /** Locks several items at once, in stripe order. */
    Held lockAll(List<Integer> stripes) {
        TreeSet<Integer> ordered = new TreeSet<>(stripes);
        for (int stripe : ordered) {
            locks[stripe].lock();
        }
        return () -> ordered.descendingSet().forEach(stripe -> locks[stripe].unlock());
    }

    /** A held lock (or set of locks). */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
