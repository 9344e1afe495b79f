package io.nagare.local.dynamodb;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * When a change is safe from a killed process. Item writes are applied to the MVStore maps and recorded in the
 * {@link WriteAheadLog}; they are answered once their record is written, several writers sharing one write (group
 * commit). Every {@value #CHECKPOINT_BYTES} bytes of log, and for every table change, a checkpoint commits the
 * store with writes paused, so the commit holds at least the records up to a sequence (MVStore also writes by
 * itself in between, see the constructor), and older log segments go. Without a data directory there is nothing to make durable and the store is committed now and then to bound its
 * unsaved changes.
 */
final class Durability implements AutoCloseable {

    static final long CHECKPOINT_BYTES = 64L * 1024 * 1024;
    private static final int IN_MEMORY_COMMIT_EVERY = 10_000;
    private static final int COMPACT_FILL_RATE = 50;
    private static final int COMPACT_BYTES = 64 * 1024 * 1024;
    private static final String CHECKPOINT = "log.checkpoint";

    private final MVStore store;
    private final MVMap<String, Long> meta;
    private final WriteAheadLog log;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final ReentrantLock pending = new ReentrantLock();
    private final Condition flushed = pending.newCondition();
    private List<byte[]> buffer = new ArrayList<>();
    private long lastSequence;
    private long durableSequence;
    private boolean flushing;
    private long segmentStart;

    Durability(MVStore store, MVMap<String, Long> meta, Path logDirectory) {
        this.store = store;
        if (logDirectory != null) {
            // A store opened with auto-commit "disabled" still writes a chunk whenever ~19 MB of changes are unsaved,
            // so chunks pile up between checkpoints; without MVStore's background thread nothing rewrites the
            // mostly-dead ones nor moves chunks to shrink the file (2.5 GB after 200,000 puts, updates and deletes
            // in a test, growing each cycle). The background thread (one pass a second) does that housekeeping.
            // Its commits, like the memory-triggered ones, may hold writes newer than the last checkpoint; recovery
            // replays each item's changes after the last one the store holds (TableCatalog.recover).
            store.setAutoCommitDelay(1_000);
            // Dead chunks are reused after this long. MVStore's 45 s default (10 s before) kept every chunk of the
            // last 45 s in the file; what the retention protects against is a power loss before the OS wrote the
            // newer chunks, not a killed process, which is what this local store has to survive.
            store.setRetentionTime(1_000);
        }
        this.meta = meta;
        this.log = logDirectory == null ? null : new WriteAheadLog(logDirectory);
        this.lastSequence = meta.getOrDefault(CHECKPOINT, 0L);
        this.durableSequence = lastSequence;
    }

    /**
     * Hands the changes the last checkpoint does not hold (the process was killed) to {@code apply}, in log order,
     * then checkpoints so the log starts empty.
     */
    void recover(Consumer<List<WriteAheadLog.Change>> apply) {
        if (log == null) {
            return;
        }
        List<WriteAheadLog.Change> changes = new ArrayList<>();
        for (WriteAheadLog.Record record : log.recover(lastSequence)) {
            changes.addAll(record.changes());
            lastSequence = record.sequence();
        }
        apply.accept(changes);
        durableSequence = lastSequence;
        checkpoint(() -> null);
    }

    /**
     * Applies item changes (under their item locks) and records them: {@code apply} returns the changes it made. The
     * returned sequence is what {@link #awaitDurable} waits for; 0 when nothing changed.
     */
    long write(Supplier<List<WriteAheadLog.Change>> apply) {
        gate.readLock().lock();
        try {
            List<WriteAheadLog.Change> changes = apply.get();
            if (changes.isEmpty()) {
                return 0;
            }
            pending.lock();
            try {
                long sequence = ++lastSequence;
                if (log != null) {
                    buffer.add(WriteAheadLog.encode(new WriteAheadLog.Record(sequence, changes)));
                } else {
                    durableSequence = sequence;
                }
                return sequence;
            } finally {
                pending.unlock();
            }
        } finally {
            gate.readLock().unlock();
        }
    }

    /** Returns once the write with {@code sequence} is in the log (or at once without a log). */
    void awaitDurable(long sequence) {
        if (sequence == 0) {
            return;
        }
        if (log == null) {
            if (sequence % IN_MEMORY_COMMIT_EVERY == 0) {
                checkpoint(() -> null);
            }
            return;
        }
        boolean checkpointDue = false;
        pending.lock();
        try {
            while (durableSequence < sequence) {
                if (flushing) {
                    flushed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                List<byte[]> group = buffer;
                buffer = new ArrayList<>();
                long groupEnd = lastSequence;
                pending.unlock();
                try {
                    log.write(join(group));
                } finally {
                    pending.lock();
                    flushing = false;
                    durableSequence = Math.max(durableSequence, groupEnd);
                    checkpointDue = log.segmentBytes() > CHECKPOINT_BYTES;
                    flushed.signalAll();
                }
            }
        } finally {
            pending.unlock();
        }
        if (checkpointDue) {
            checkpoint(() -> null);
        }
    }

    /**
     * Runs {@code change} (a table change, or nothing) with item writes paused, then commits the store so it holds
     * every write so far, and starts a new log segment.
     */
    <T> T checkpoint(Supplier<T> change) {
        gate.writeLock().lock();
        try {
            T result = change.get();
            pending.lock();
            try {
                while (flushing) {
                    flushed.awaitUninterruptibly();
                }
                if (log != null) {
                    if (!buffer.isEmpty()) {
                        log.write(join(buffer));
                        buffer = new ArrayList<>();
                    }
                    durableSequence = lastSequence;
                    segmentStart = lastSequence + 1;
                    log.startSegment(segmentStart);
                }
                meta.put(CHECKPOINT, lastSequence);
                store.commit();
                // Rewrites the live pages of mostly-dead chunks so their space is freed (MVStore does this from its
                // background writer, which a store with auto-commit off does not have).
                if (store.compact(COMPACT_FILL_RATE, COMPACT_BYTES)) {
                    store.commit();
                }
                if (log != null) {
                    log.dropOlderSegments(segmentStart);
                }
            } finally {
                pending.unlock();
            }
            return result;
        } finally {
            gate.writeLock().unlock();
        }
    }

    private static ByteBuffer join(List<byte[]> records) {
        int size = 0;
        for (byte[] record : records) {
            size += record.length;
        }
        ByteBuffer joined = ByteBuffer.allocate(size);
        records.forEach(joined::put);
        return joined.flip();
    }

    @Override
    public void close() {
        checkpoint(() -> null);
        if (log != null) {
            log.close();
        }
    }
}
