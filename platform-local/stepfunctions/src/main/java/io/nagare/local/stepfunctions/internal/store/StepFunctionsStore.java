package io.nagare.local.stepfunctions.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nagare.local.runtime.GroupCommit;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The service's durable state in one MVStore: state machines and their definition revisions, executions, the
 * working frames of running executions, and history events. Changes made within one {@link #turn} are committed
 * together, so a snapshot on disk always holds whole execution steps; commits are batched by {@link GroupCommit}.
 */
public final class StepFunctionsStore {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

    private final MVStore store;
    private final MVMap<String, byte[]> stateMachines;
    private final MVMap<String, String> revisions;
    private final MVMap<Long, byte[]> executions;
    private final MVMap<Long, Long> executionsByMachine;
    private final MVMap<Long, Boolean> running;
    private final MVMap<Long, byte[]> frames;
    /** Execution ARN to sequence number; kept in memory and rebuilt when the store opens (ARN keys are random). */
    private final Map<String, Long> executionIds = new ConcurrentHashMap<>();
    private final MVMap<Long, byte[]> history;
    private final MVMap<String, Long> counters;
    private final ReentrantReadWriteLock turns = new ReentrantReadWriteLock(true);
    private final GroupCommit committer;

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
        this.committer = new GroupCommit("stepfunctions", this::commitNow, store.getFileStore() != null);
        for (Cursor<Long, byte[]> cursor = executions.cursor(null); cursor.hasNext(); ) {
            Long seq = cursor.next();
            executionIds.put(arnOf(cursor.getValue()), seq);
        }
    }

    private static String arnOf(byte[] record) {
        try (JsonParser parser = JSON.createParser(record)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && parser.currentName().equals("arn")) {
                    parser.nextToken();
                    return parser.getText();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a stored execution record is not JSON", e);
        }
        throw new IllegalStateException("a stored execution record has no arn");
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

    /** Whether the store is a file that survives a restart (else it lives and dies with the process). */
    public boolean durable() {
        return store.getFileStore() != null;
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
        Long seq = executionIds.get(arn);
        return seq == null ? null : executions.get(seq);
    }

    public byte[] execution(long seq) {
        return executions.get(seq);
    }

    /** Saves an execution record; the first save also lists it under its state machine (number {@code machineSeq}). */
    public void putExecution(long seq, String arn, long machineSeq, byte[] record, boolean isRunning) {
        if (executionIds.putIfAbsent(arn, seq) == null) {
            executionsByMachine.put(machineKey(machineSeq, seq), seq);
        }
        executions.put(seq, record);
        if (isRunning) {
            if (!running.containsKey(seq)) {
                running.put(seq, Boolean.TRUE);
            }
        } else if (running.containsKey(seq)) {
            running.remove(seq);
        }
    }

    /** Sequence numbers of a state machine's executions, newest first, after {@code afterSeq} (null: from the newest). */
    public List<Long> executionsOf(long machineSeq, Long afterSeq, int limit) {
        List<Long> out = new ArrayList<>();
        long from = afterSeq == null ? machineSeq << 40 : machineKey(machineSeq, afterSeq) + 1;
        Iterator<Long> keys = executionsByMachine.keyIterator(from);
        while (keys.hasNext() && out.size() < limit) {
            long key = keys.next();
            if (key >>> 40 != machineSeq) {
                break;
            }
            out.add(executionsByMachine.get(key));
        }
        return out;
    }

    private static long machineKey(long machineSeq, long executionSeq) {
        return (machineSeq << 40) | ((1L << 40) - 1 - executionSeq);
    }

    /**
     * Deletes the executions that closed before {@code cutoff}, with their history, as AWS forgets closed executions
     * after 90 days; returns how many.
     */
    public int purgeClosedBefore(Instant cutoff) {
        List<Long> expired = new ArrayList<>();
        List<Long> machines = new ArrayList<>();
        List<String> arns = new ArrayList<>();
        for (Cursor<Long, byte[]> cursor = executions.cursor(null); cursor.hasNext(); ) {
            Long seq = cursor.next();
            JsonNode record = parse(cursor.getValue());
            JsonNode stop = record.get("stopDate");
            if (stop != null && stop.isNumber() && stop.longValue() < cutoff.toEpochMilli()) {
                expired.add(seq);
                machines.add(record.path("machineSeq").longValue());
                arns.add(record.path("arn").asText());
            }
        }
        turn(() -> {
            for (int i = 0; i < expired.size(); i++) {
                long seq = expired.get(i);
                executions.remove(seq);
                executionsByMachine.remove(machineKey(machines.get(i), seq));
                executionIds.remove(arns.get(i));
                List<Long> chunks = new ArrayList<>();
                for (Iterator<Long> keys = history.keyIterator(historyKey(seq, 0)); keys.hasNext(); ) {
                    long key = keys.next();
                    if (key >>> 24 != seq) {
                        break;
                    }
                    chunks.add(key);
                }
                chunks.forEach(history::remove);
            }
        });
        return expired.size();
    }

    private static JsonNode parse(byte[] record) {
        try {
            return MAPPER.readTree(record);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored execution record is not JSON", e);
        }
    }

    public List<Long> runningExecutions() {
        return new ArrayList<>(running.keySet());
    }

    // ---- frames and history ---------------------------------------------------------------------------------------

    /** Saves a frame of an execution in its slot (frames are numbered per execution). */
    public void putFrame(long seq, long slot, byte[] frame) {
        frames.put(frameKey(seq, slot), frame);
    }

    public void deleteFrame(long seq, long slot) {
        frames.remove(frameKey(seq, slot));
    }

    public List<byte[]> frames(long seq) {
        List<byte[]> out = new ArrayList<>();
        Iterator<Long> keys = frames.keyIterator(frameKey(seq, 0));
        while (keys.hasNext()) {
            long key = keys.next();
            if (key >>> 32 != seq) {
                break;
            }
            out.add(frames.get(key));
        }
        return out;
    }

    private static long frameKey(long seq, long slot) {
        return (seq << 32) | slot;
    }

    /** Stores the events of one step, newline-separated JSON, keyed by the id of their last event. */
    public void putEvents(long seq, long lastEventId, byte[] events) {
        history.put(historyKey(seq, lastEventId), events);
    }

    /** Events {@code from..to} (inclusive ids) of one execution, each as its JSON bytes, in id order. */
    public List<byte[]> events(long seq, long from, long to) {
        List<byte[]> out = new ArrayList<>();
        Long key = history.ceilingKey(historyKey(seq, from));
        long first = from;
        while (key != null && (key >>> 24) == seq) {
            long last = key & ((1L << 24) - 1);
            byte[] chunk = history.get(key);
            List<byte[]> lines = lines(chunk);
            long id = last - lines.size() + 1;
            for (byte[] line : lines) {
                if (id >= first && id <= to) {
                    out.add(line);
                }
                id++;
            }
            if (last >= to) {
                break;
            }
            key = history.higherKey(key);
        }
        return out;
    }

    private static List<byte[]> lines(byte[] chunk) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= chunk.length; i++) {
            if (i == chunk.length || chunk[i] == '\n') {
                if (i > start) {
                    lines.add(java.util.Arrays.copyOfRange(chunk, start, i));
                }
                start = i + 1;
            }
        }
        return lines;
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
