package io.nagare.local.eventbridge;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import io.nagare.local.runtime.GroupCommit;

/**
 * EventBridge's durable state in one MVStore: resources, the outbox of accepted events and the pending target
 * deliveries, each a map of JSON records. Nothing is visible after a crash unless a commit ran. Commits are shared
 * ({@link GroupCommit}); changes that span maps and must reach the disk together run {@link #atomically}, which a
 * commit never cuts in two (MVStore takes each map's snapshot at its own moment).
 */
final class EventBridgeStore implements AutoCloseable {

    /**
     * Old chunks are kept this long for readers still walking an older version (one request at most); MVStore's 45 s
     * default kept every outbox page written in the last 45 s in the file (hundreds of MB under a burst).
     */
    private static final int RETENTION_MILLIS = 10_000;
    /** Commits between compactions, which rewrite the live pages of mostly-dead chunks so their space is reused. */
    private static final int COMMITS_PER_COMPACTION = 500;
    private static final int COMPACT_FILL_RATE = 50;
    private static final int COMPACT_BYTES = 16 * 1024 * 1024;

    private final MVStore store;
    private final ReentrantReadWriteLock commits = new ReentrantReadWriteLock();
    private final GroupCommit groupCommit;
    private int commitsSinceCompaction;
    final MVMap<String, String> buses;
    /** Key: {@link #ruleKey}. */
    final MVMap<String, String> rules;
    /** Key: {@link #targetKey}. */
    final MVMap<String, String> targets;
    final MVMap<String, String> archives;
    /** Key: {@link #archivedEventKey}, so one archive's events are contiguous and ordered by event time. */
    final MVMap<String, String> archivedEvents;
    final MVMap<String, String> replays;
    /** Accepted events not yet matched against rules, by acceptance order. */
    final MVMap<Long, String> outbox;
    /** Matched events waiting for (another) attempt at one target, by delivery id. */
    final MVMap<String, String> deliveries;
    /** Tags of buses and rules, by resource ARN: a JSON object of key to value. */
    final MVMap<String, String> tags;

    EventBridgeStore(MVStore store) {
        this.store = store;
        store.setRetentionTime(RETENTION_MILLIS);
        this.buses = store.openMap("buses");
        this.rules = store.openMap("rules");
        this.targets = store.openMap("targets");
        this.archives = store.openMap("archives");
        this.archivedEvents = store.openMap("archived-events");
        this.replays = store.openMap("replays");
        this.outbox = store.openMap("outbox");
        this.deliveries = store.openMap("deliveries");
        this.tags = store.openMap("tags");
        this.groupCommit = new GroupCommit("eventbridge", this::commitNow, store.getFileStore() != null);
    }

    static String ruleKey(String bus, String rule) {
        return bus + '\u0001' + rule;
    }

    static String targetKey(String bus, String rule, String targetId) {
        return ruleKey(bus, rule) + '\u0001' + targetId;
    }

    static String archivedEventKey(String archive, long eventTimeMillis, String eventId) {
        return archive + '\u0001' + String.format("%020d", eventTimeMillis) + '\u0001' + eventId;
    }

    /** The keys of {@code map} that start with {@code prefix}, in order. */
    static <V> List<String> keysWithPrefix(MVMap<String, V> map, String prefix) {
        List<String> keys = new ArrayList<>();
        Iterator<String> iterator = map.keyIterator(prefix);
        while (iterator.hasNext()) {
            String key = iterator.next();
            if (!key.startsWith(prefix)) {
                break;
            }
            keys.add(key);
        }
        return keys;
    }

    <K, T> Optional<T> read(MVMap<K, String> map, K key, Class<T> type) {
        String json = map.get(key);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.MAPPER.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored " + type.getSimpleName() + " " + key + " is corrupt", e);
        }
    }

    <K> void write(MVMap<K, String> map, K key, Object record) {
        try {
            map.put(key, EventJson.MAPPER.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next outbox sequence number (one more than the highest in use). */
    long nextOutboxSequence() {
        Long last = outbox.lastKey();
        return last == null ? 1 : last + 1;
    }

    /** Runs {@code change} so that a commit holds all of it or none of it. */
    void atomically(Runnable change) {
        commits.readLock().lock();
        try {
            change.run();
        } finally {
            commits.readLock().unlock();
        }
    }

    /**
     * Makes everything written so far durable, sharing the commit with concurrent callers: called before answering
     * a request that changed state.
     */
    void commit() {
        groupCommit.awaitCommit();
    }

    /** Has what was written so far committed soon, for work whose durability nobody waits for. */
    void commitSoon() {
        groupCommit.changed();
    }

    /** Runs on the group commit's thread only. */
    private void commitNow() {
        commits.writeLock().lock();
        try {
            store.commit();
            // A store with auto-commit off has no background writer to compact it.
            if (++commitsSinceCompaction >= COMMITS_PER_COMPACTION) {
                commitsSinceCompaction = 0;
                if (store.compact(COMPACT_FILL_RATE, COMPACT_BYTES)) {
                    store.commit();
                }
            }
        } finally {
            commits.writeLock().unlock();
        }
    }

    /** Stops the commit thread; the runtime closes (and so commits) the MVStore itself. */
    @Override
    public void close() {
        groupCommit.close();
    }
}
