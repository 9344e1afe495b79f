package io.nagare.local.stepfunctions.internal.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The service's durable state in one MVStore: state machines and their definition revisions, executions, the
 * working frames of running executions, and history events. Changes made within one {@link #turn} are committed
 * together, so a snapshot on disk always holds whole execution steps; commits are batched by {@link GroupCommitter}.
 */
public final class StepFunctionsStore {

    private final MVStore store;
    private final MVMap<String, byte[]> stateMachines;
    private final MVMap<String, String> revisions;
    private final MVMap<String, byte[]> executions;
    private final MVMap<String, String> executionsByMachine;
    private final MVMap<Long, String> running;
    private final MVMap<String, byte[]> frames;
    private final MVMap<Long, byte[]> history;
    private final MVMap<String, Long> counters;
    private final ReentrantReadWriteLock turns = new ReentrantReadWriteLock(true);
    private final GroupCommitter committer;

    public StepFunctionsStore(MVStore store) {
        this.store = store;
        this.stateMachines = store.openMap("stateMachines");
        this.revisions = store.openMap("revisions");
        this.executions = store.openMap("executions");
        this.executionsByMachine = store.openMap("executionsByMachine");
        this.running = store.openMap("running");
        this.frames = store.openMap("frames");
        this.history = store.openMap("history");
        this.counters = store.openMap("counters");
        this.committer = new GroupCommitter(this::commitNow, store.getFileStore() != null);
    }

    /** Runs {@code work} as one step: a commit never sees part of it. */
    public <T> T turn(Supplier<T> work) {
        turns.readLock().lock();
        try {
            return work.get();
        } finally {
            turns.readLock().unlock();
            committer.changed();
        }
    }

    public void turn(Runnable work) {
        turns.readLock().lock();
        try {
            work.run();
        } finally {
            turns.readLock().unlock();
        }
        committer.changed();
    }

    /** Blocks until everything written before the call is on disk (at once for an in-memory store). */
    public void awaitDurable() {
        committer.awaitCommit();
    }

    private void commitNow() {
        turns.writeLock().lock();
        try {
            if (!store.isClosed()) {
                store.commit();
            }
        } finally {
            turns.writeLock().unlock();
        }
    }

    public synchronized long nextSequence(String name) {
        long next = counters.getOrDefault(name, 0L) + 1;
        counters.put(name, next);
        return next;
    }

    // ---- state machines -----------------------------------------------------------------------------------------

    public byte[] stateMachine(String arn) {
        return stateMachines.get(arn);
    }

    public void putStateMachine(String arn, byte[] record) {
        turn(() -> stateMachines.put(arn, record));
    }

    public void deleteStateMachine(String arn) {
        turn(() -> stateMachines.remove(arn));
    }

    /** State machine records by ARN order, from {@code after} (exclusive, null for the start), at most {@code limit}. */
    public List<byte[]> stateMachines(String after, int limit) {
        List<byte[]> out = new ArrayList<>();
        Iterator<String> keys = after == null ? stateMachines.keyIterator(null) : stateMachines.keyIterator(after);
        while (keys.hasNext() && out.size() < limit) {
            String key = keys.next();
            if (after != null && key.equals(after)) {
                continue;
            }
            out.add(stateMachines.get(key));
        }
        return out;
    }

    public String revision(String arn, String revisionId) {
        return revisions.get(arn + "#" + revisionId);
    }

    public void putRevision(String arn, String revisionId, String definition) {
        turn(() -> revisions.put(arn + "#" + revisionId, definition));
    }

    // ---- executions -------------------------------------------------------------------------------------------

    public byte[] execution(String arn) {
        return executions.get(arn);
    }

    /** Saves an execution; {@code indexKey} orders it among its state machine's executions (newest first). */
    public void putExecution(String arn, byte[] record, String machineArn, String indexKey, long seq, boolean isRunning) {
        executions.put(arn, record);
        executionsByMachine.put(machineArn + "\u0000" + indexKey, arn);
        if (isRunning) {
            running.put(seq, arn);
        } else {
            running.remove(seq);
        }
    }

    /** Execution ARNs of a state machine, newest first, starting after {@code afterKey} (null for the start). */
    public List<Map.Entry<String, String>> executionsOf(String machineArn, String afterKey, int limit) {
        String prefix = machineArn + "\u0000";
        List<Map.Entry<String, String>> out = new ArrayList<>();
        String from = afterKey == null ? prefix : prefix + afterKey;
        Iterator<String> keys = executionsByMachine.keyIterator(from);
        while (keys.hasNext()) {
            String key = keys.next();
            if (!key.startsWith(prefix)) {
                break;
            }
            String local = key.substring(prefix.length());
            if (afterKey != null && local.equals(afterKey)) {
                continue;
            }
            out.add(Map.entry(local, executionsByMachine.get(key)));
            if (out.size() == limit) {
                break;
            }
        }
        return out;
    }

    public List<String> runningExecutions() {
        return new ArrayList<>(running.values());
    }

    // ---- frames and history ---------------------------------------------------------------------------------------

    public void putFrame(long seq, String frameId, byte[] frame) {
        frames.put(seq + "/" + frameId, frame);
    }

    public void deleteFrame(long seq, String frameId) {
        frames.remove(seq + "/" + frameId);
    }

    public List<byte[]> frames(long seq) {
        String prefix = seq + "/";
        List<byte[]> out = new ArrayList<>();
        Iterator<String> keys = frames.keyIterator(prefix);
        while (keys.hasNext()) {
            String key = keys.next();
            if (!key.startsWith(prefix)) {
                break;
            }
            out.add(frames.get(key));
        }
        return out;
    }

    public void putEvent(long seq, long eventId, byte[] event) {
        history.put(historyKey(seq, eventId), event);
    }

    /** Events {@code from..to} (inclusive ids) of one execution. */
    public List<byte[]> events(long seq, long from, long to) {
        List<byte[]> out = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            byte[] event = history.get(historyKey(seq, id));
            if (event != null) {
                out.add(event);
            }
        }
        return out;
    }

    /** The id of the last event stored for an execution (0 when none). */
    public long lastEventId(long seq) {
        Long last = history.floorKey(historyKey(seq, (1L << 24) - 1));
        return last == null || (last >>> 24) != seq ? 0 : last & ((1L << 24) - 1);
    }

    private static long historyKey(long seq, long eventId) {
        return (seq << 24) | eventId;
    }

    public void close() {
        committer.close();
    }
}
