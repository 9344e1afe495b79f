package io.nagare.local.dynamodb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import io.nagare.local.runtime.AwsServiceException;

/**
 * Serialises writes to the same item (conditional writes are read-check-write) with a fixed set of striped locks.
 * Several items are locked in ascending stripe order, so lockers never deadlock. As in DynamoDB, an item inside a
 * running transaction is not waited for: a single write to it fails with TransactionConflictException and another
 * transaction touching it is cancelled with a TransactionConflict reason. Which items are inside a transaction is
 * kept per item, not per stripe: two items sharing a stripe wait for each other briefly, they never conflict (a
 * stripe-level mark once failed a PutItem on an idempotency record because an unrelated item of another table was in
 * a transaction).
 */
final class ItemLocks {

    private static final int STRIPES = 4096;
    static final String CONFLICT_MESSAGE = "Transaction is ongoing for the item";

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final Set<Item> inTransaction = ConcurrentHashMap.newKeySet();

    ItemLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** One item: its table's id and its storage key. */
    record Item(long tableId, byte[] key) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Item item && item.tableId == tableId && Arrays.equals(item.key, key);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(tableId) * 31 + Arrays.hashCode(key);
        }

        @Override
        public String toString() {
            return tableId + "/" + HexFormat.of().formatHex(key);
        }

        int stripe() {
            int hash = hashCode();
            hash ^= hash >>> 16;
            return hash & (STRIPES - 1);
        }
    }

    /** Locks one item for a single write; fails at once when a transaction holds it. */
    Held lock(long tableId, byte[] key) {
        Item item = new Item(tableId, key);
        ReentrantLock lock = locks[item.stripe()];
        if (!lock.tryLock()) {
            // Only a transaction holding this very item conflicts; another item of the stripe is waited for.
            if (inTransaction.contains(item)) {
                throw new AwsServiceException("TransactionConflictException", CONFLICT_MESSAGE);
            }
            lock.lock();
        }
        return lock::unlock;
    }

    /** How many requests wait for the lock of this item's stripe (diagnostics and tests). */
    int waiting(Item item) {
        return locks[item.stripe()].getQueueLength();
    }

    /** Locks several items (a batch), waiting for whoever holds them. */
    Held lockAll(List<Item> items) {
        return lockItems(items, false, false);
    }

    /**
     * Locks a write transaction's items and marks them as in a transaction; throws {@link Conflict} naming the
     * items another transaction holds.
     */
    Held lockTransaction(List<Item> items) {
        return lockItems(items, true, true);
    }

    /** Locks items to read them together (TransactGetItems): fails like a transaction, marks nothing. */
    Held lockToRead(List<Item> items) {
        return lockItems(items, true, false);
    }

    private Held lockItems(List<Item> items, boolean failOnTransaction, boolean transaction) {
        TreeMap<Integer, List<Item>> byStripe = new TreeMap<>();
        for (Item item : items) {
            byStripe.computeIfAbsent(item.stripe(), s -> new ArrayList<>()).add(item);
        }
        List<Integer> held = new ArrayList<>();
        Set<Item> busy = new HashSet<>();
        for (Map.Entry<Integer, List<Item>> stripe : byStripe.entrySet()) {
            ReentrantLock lock = locks[stripe.getKey()];
            if (lock.tryLock()) {
                held.add(stripe.getKey());
                continue;
            }
            List<Item> taken = failOnTransaction
                    ? stripe.getValue().stream().filter(inTransaction::contains).toList() : List.of();
            if (!taken.isEmpty()) {
                busy.addAll(taken);
            } else {
                lock.lock();
                held.add(stripe.getKey());
            }
        }
        if (!busy.isEmpty()) {
            release(held);
            throw new Conflict(busy);
        }
        if (!transaction) {
            return () -> release(held);
        }
        inTransaction.addAll(items);
        return () -> {
            inTransaction.removeAll(items);
            release(held);
        };
    }

    private void release(List<Integer> held) {
        for (int i = held.size() - 1; i >= 0; i--) {
            locks[held.get(i)].unlock();
        }
    }

    /** A held lock (or set of locks). */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Some of the items were inside another transaction. */
    static final class Conflict extends RuntimeException {
        private final transient Set<Item> items;

        Conflict(Set<Item> items) {
            super(CONFLICT_MESSAGE, null, false, false);
            this.items = Set.copyOf(items);
        }

        boolean involves(Item item) {
            return items.contains(item);
        }
    }
}
