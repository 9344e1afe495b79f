package io.nagare.local.dynamodb;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.ItemCodec;
import io.nagare.local.runtime.LocalClock;
import org.h2.mvstore.MVMap;

/**
 * Deletes items whose TTL attribute (epoch seconds) has passed, on the runtime's clock. Each table with TTL keeps a
 * map of (expiry, item key), so the next expiry is its first entry: one timer is set for the earliest expiry of all
 * tables, and nothing is scanned. As in DynamoDB, values more than five years in the past never expire, and the
 * deletions reach the stream as the service's own.
 */
final class TimeToLive implements Table.WriteListener {

    private static final Duration IGNORED_AFTER = Duration.ofDays(5 * 365);
    private static final int BATCH = 1000;

    private final TableCatalog catalog;
    private final Durability durability;
    private final ItemLocks locks;
    private final LocalClock clock;
    private final Map<Long, MVMap<byte[], byte[]>> expiryMaps = new java.util.concurrent.ConcurrentHashMap<>();
    private LocalClock.Timer timer;
    private long scheduledSecond = Long.MAX_VALUE;
    private boolean stopped;

    TimeToLive(TableCatalog catalog, ItemLocks locks, LocalClock clock) {
        this.catalog = catalog;
        this.durability = catalog.durability();
        this.locks = locks;
        this.clock = clock;
    }

    /** Sets the first timer from what the stores already hold (after a restart). */
    synchronized void start() {
        reschedule();
    }

    /** Cancels the pending timer, so no sweep runs against a closed store. */
    synchronized void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        stopped = true;
    }

    @Override
    public void written(Table table, Map<String, AttributeValue> old, Map<String, AttributeValue> item,
                        Table.WriteCause cause) {
        String attribute = table.definition().ttlAttribute();
        if (attribute == null) {
            return;
        }
        MVMap<byte[], byte[]> expiries = expiries(table);
        byte[] storageKey = table.storageKey(old != null ? old : item);
        Long before = old == null ? null : expiry(old, attribute);
        Long after = item == null ? null : expiry(item, attribute);
        if (before != null && !before.equals(after)) {
            expiries.remove(entry(before, storageKey));
        }
        if (after != null) {
            expiries.put(entry(after, storageKey), new byte[0]);
            synchronized (this) {
                if (after < scheduledSecond) {
                    reschedule();
                }
            }
        }
    }

    /**
     * Rebuilds a table's expiry map after TTL was switched on or off, with writes paused. Not under this object's
     * monitor: writers take the monitor while holding the write gate.
     */
    void tableChanged(Table table) {
        durability.checkpoint(() -> {
            MVMap<byte[], byte[]> expiries = expiries(table);
            expiries.clear();
            String attribute = table.definition().ttlAttribute();
            if (attribute != null) {
                for (Map.Entry<byte[], byte[]> stored : table.items().entrySet()) {
                    Long expiry = expiry(ItemCodec.decode(stored.getValue()), attribute);
                    if (expiry != null) {
                        expiries.put(entry(expiry, stored.getKey()), new byte[0]);
                    }
                }
            }
            return null;
        });
        synchronized (this) {
            reschedule();
        }
    }

    /** Runs on the clock; holds item locks but not this object's monitor, which writers take under item locks. */
    private void sweep() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            timer = null;
            scheduledSecond = Long.MAX_VALUE;
        }
        long now = clock.now().getEpochSecond();
        int deleted = 0;
        long lastSequence = 0;
        for (Table table : catalog.tables()) {
            String attribute = table.definition().ttlAttribute();
            if (attribute == null) {
                continue;
            }
            MVMap<byte[], byte[]> expiries = expiries(table);
            Iterator<byte[]> keys = expiries.keyIterator(null);
            while (keys.hasNext() && deleted < BATCH) {
                byte[] entry = keys.next();
                if (second(entry) > now) {
                    break;
                }
                byte[] storageKey = Arrays.copyOfRange(entry, Long.BYTES, entry.length);
                try (ItemLocks.Held held = locks.lock(table.definition().id(), storageKey)) {
                    Map<String, AttributeValue> item = table.get(storageKey);
                    Long expiry = item == null ? null : expiry(item, attribute);
                    if (expiry != null && expiry <= now) {
                        lastSequence = durability.write(() ->
                                List.of(table.delete(storageKey, item, Table.WriteCause.TIME_TO_LIVE)));
                        deleted++;
                    } else {
                        expiries.remove(entry);
                    }
                }
            }
        }
        durability.awaitDurable(lastSequence);
        synchronized (this) {
            reschedule();
        }
    }

    private void reschedule() {
        if (stopped) {
            return;
        }
        long next = Long.MAX_VALUE;
        for (Table table : catalog.tables()) {
            if (table.definition().ttlAttribute() == null) {
                continue;
            }
            MVMap<byte[], byte[]> expiries = expiries(table);
            byte[] first = expiries.firstKey();
            if (first != null) {
                next = Math.min(next, second(first));
            }
        }
        if (next == scheduledSecond) {
            return;
        }
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        scheduledSecond = next;
        if (next != Long.MAX_VALUE) {
            timer = clock.schedule(Instant.ofEpochSecond(next), this::sweep);
        }
    }

    private MVMap<byte[], byte[]> expiries(Table table) {
        return expiryMaps.computeIfAbsent(table.definition().id(), id -> catalog.openBytes("t" + id + ".ttl"));
    }

    /** The item's expiry in epoch seconds, or null when it has none that DynamoDB would act on. */
    private Long expiry(Map<String, AttributeValue> item, String attribute) {
        if (!(item.get(attribute) instanceof AttributeValue.N number)) {
            return null;
        }
        BigDecimal value = number.value();
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            return null;
        }
        long seconds = value.longValue();
        if (seconds < clock.now().minus(IGNORED_AFTER).getEpochSecond()) {
            return null;
        }
        return seconds;
    }

    private static byte[] entry(long second, byte[] storageKey) {
        return ByteBuffer.allocate(Long.BYTES + storageKey.length).putLong(second).put(storageKey).array();
    }

    private static long second(byte[] entry) {
        return ByteBuffer.wrap(entry).getLong();
    }
}
