package io.nagare.local.dynamodb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.ReentrantLock;

import io.nagare.local.runtime.AwsServiceException;

/**
 * Serialises writes to the same item (conditional writes are read-check-write) with a fixed set of striped locks.
 * Several items are locked in ascending stripe order, so lockers never deadlock. As in DynamoDB, an item inside a
 * running transaction is not waited for: a single write to it fails with TransactionConflictException and another
 * transaction touching it is cancelled with a TransactionConflict reason.
 */
final class ItemLocks {

    private static final int STRIPES = 4096;
    static final String CONFLICT_MESSAGE = "Transaction is ongoing for the item";

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final AtomicIntegerArray inTransaction = new AtomicIntegerArray(STRIPES);

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

    /** Locks one item for a single write; fails at once when a transaction holds it. */
    Held lock(long tableId, byte[] key) {
        ReentrantLock lock = locks[stripe(tableId, key)];
        if (!lock.tryLock()) {
            if (inTransaction.get(stripe(tableId, key)) != 0) {
                throw new AwsServiceException("TransactionConflictException", CONFLICT_MESSAGE);
            }
            lock.lock();
        }
        return lock::unlock;
    }

    /** Locks several items (a batch), waiting for whoever holds them. */
    Held lockAll(List<Integer> stripes) {
        return lockStripes(stripes, false, false);
    }

    /**
     * Locks a write transaction's items and marks them as in a transaction; throws {@link Conflict} naming the
     * stripes another transaction holds.
     */
    Held lockTransaction(List<Integer> stripes) {
        return lockStripes(stripes, true, true);
    }

    /** Locks items to read them together (TransactGetItems): fails like a transaction, marks nothing. */
    Held lockToRead(List<Integer> stripes) {
        return lockStripes(stripes, true, false);
    }

    private Held lockStripes(List<Integer> stripes, boolean failOnTransaction, boolean transaction) {
        TreeSet<Integer> ordered = new TreeSet<>(stripes);
        List<Integer> held = new ArrayList<>();
        Set<Integer> busy = new HashSet<>();
        for (int stripe : ordered) {
            ReentrantLock lock = locks[stripe];
            if (lock.tryLock()) {
                held.add(stripe);
            } else if (failOnTransaction && inTransaction.get(stripe) != 0) {
                busy.add(stripe);
            } else {
                lock.lock();
                held.add(stripe);
            }
        }
        if (!busy.isEmpty()) {
            release(held, false);
            throw new Conflict(busy);
        }
        if (transaction) {
            held.forEach(stripe -> inTransaction.set(stripe, 1));
        }
        return () -> release(held, transaction);
    }

    private void release(List<Integer> held, boolean transaction) {
        for (int i = held.size() - 1; i >= 0; i--) {
            int stripe = held.get(i);
            if (transaction) {
                inTransaction.set(stripe, 0);
            }
            locks[stripe].unlock();
        }
    }

    /** A held lock (or set of locks). */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Some of the items were inside another transaction. */
    static final class Conflict extends RuntimeException {
        private final transient Set<Integer> stripes;

        Conflict(Set<Integer> stripes) {
            super(CONFLICT_MESSAGE, null, false, false);
            this.stripes = Set.copyOf(stripes);
        }

        boolean involves(int stripe) {
            return stripes.contains(stripe);
        }
    }
}
