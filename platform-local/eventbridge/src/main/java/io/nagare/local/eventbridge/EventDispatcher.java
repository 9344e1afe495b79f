package io.nagare.local.eventbridge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Moves accepted events from the durable outbox to their targets. An event is staged in the outbox and committed
 * before PutEvents answers, and handed to this dispatcher in memory. A drain task takes staged events in batches,
 * matches them against the bus's rules (in memory, {@link RuleIndex}) and attempts every matched target in parallel
 * on the executor. When a batch's attempts have ended, one atomic change archives its events and removes them from
 * the outbox; an attempt that failed has by then left a retry record (or reached the dead-letter queue). After a
 * crash the outbox still holds every accepted event whose batch had not ended, so none is lost; some may be
 * delivered twice (at least once).
 */
final class EventDispatcher {

    /** Staged events matched per batch. */
    private static final int BATCH = 500;
    /** Events whose batch has not ended; the drain waits for batches to end beyond this many. */
    private static final int MAX_IN_FLIGHT = 4 * BATCH;
    /** Beyond this backlog, staged events are read back from the outbox rather than kept in memory too. */
    private static final int MAX_READY_IN_MEMORY = 20_000;

    private final EventBridgeState state;
    private final Executor executor;
    private final AtomicLong sequence;
    private final Queue<Staged> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger backlog = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private TargetDelivery delivery;

    /**
     * An event in the outbox, by sequence number; {@code entry} and {@code event} are null when it is to be read back
     * from the outbox.
     */
    record Staged(long seq, Records.OutboxEntry entry, ObjectNode event) {
    }

    EventDispatcher(EventBridgeState state, Executor executor) {
        this.state = state;
        this.executor = executor;
        this.sequence = new AtomicLong(state.store.nextOutboxSequence());
    }

    void deliverWith(TargetDelivery targetDelivery) {
        this.delivery = targetDelivery;
    }

    /** Writes an accepted event to the outbox; durable at the caller's next commit, then {@link #dispatchLater}. */
    Staged stage(Records.OutboxEntry entry, ObjectNode event) {
        long seq = sequence.getAndIncrement();
        state.store.write(state.store.outbox, seq, entry);
        return new Staged(seq, entry, event);
    }

    /** Dispatches staged events once they are committed. */
    void dispatchLater(List<Staged> staged) {
        for (Staged event : staged) {
            if (backlog.incrementAndGet() <= MAX_READY_IN_MEMORY) {
                ready.add(event);
            } else {
                ready.add(new Staged(event.seq(), null, null));
            }
        }
        if (!staged.isEmpty()) {
            requestDrain();
        }
    }

    /** Re-dispatches what the outbox still holds (after a restart). */
    void recover() {
        List<Staged> left = new ArrayList<>();
        Iterator<Long> keys = state.store.outbox.keyIterator(null);
        while (keys.hasNext()) {
            left.add(new Staged(keys.next(), null, null));
        }
        dispatchLater(left);
    }

    private void requestDrain() {
        if (inFlight.get() < MAX_IN_FLIGHT && !ready.isEmpty() && draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (inFlight.get() < MAX_IN_FLIGHT) {
                List<Staged> batch = new ArrayList<>();
                Staged next;
                while (batch.size() < BATCH && (next = ready.poll()) != null) {
                    backlog.decrementAndGet();
                    batch.add(next);
                }
                if (batch.isEmpty()) {
                    break;
                }
                dispatch(batch);
            }
        } finally {
            draining.set(false);
        }
        requestDrain();
    }

    /** Matches a batch and starts its deliveries; the batch ends when the last of them has been attempted. */
    private void dispatch(List<Staged> staged) {
        List<Matched> events = new ArrayList<>(staged.size());
        List<Records.Delivery> deliveries = new ArrayList<>();
        List<ObjectNode> targets = new ArrayList<>();
        for (Staged event : staged) {
            Matched matched = resolve(event);
            if (matched == null) {
                continue;
            }
            events.add(matched);
            int matchedSoFar = deliveries.size();
            try {
                match(matched, deliveries, targets);
            } catch (RuntimeException e) {
                // One event that cannot be matched or rendered must not hold up the outbox for good.
                deliveries.subList(matchedSoFar, deliveries.size()).clear();
                targets.subList(matchedSoFar, targets.size()).clear();
                System.err.println("nagare: eventbridge dropped event " + matched.event().path("id").asText()
                        + " of bus " + matched.entry().bus() + ": matching it failed: " + e);
            }
        }
        Batch batch = new Batch(staged, events, deliveries.size());
        inFlight.addAndGet(staged.size());
        if (deliveries.isEmpty()) {
            end(batch);
            return;
        }
        for (int i = 0; i < deliveries.size(); i++) {
            Records.Delivery matched = deliveries.get(i);
            ObjectNode target = targets.get(i);
            executor.execute(() -> {
                try {
                    delivery.attempt(matched, target);
                } finally {
                    if (batch.attemptsLeft.decrementAndGet() == 0) {
                        end(batch);
                    }
                }
            });
        }
    }

    /** The staged event with its entry and parsed event; null when it left the outbox already. */
    private Matched resolve(Staged staged) {
        if (staged.entry() != null) {
            return new Matched(staged.entry(), staged.event());
        }
        Records.OutboxEntry entry = state.store.read(state.store.outbox, staged.seq(), Records.OutboxEntry.class)
                .orElse(null);
        return entry == null ? null : new Matched(entry, (ObjectNode) EventJson.parse(entry.event()));
    }

    private void match(Matched matched, List<Records.Delivery> deliveries, List<ObjectNode> targets) {
        Records.OutboxEntry entry = matched.entry();
        for (RuleIndex.IndexedRule rule : rulesFor(entry, matched.event())) {
            for (RuleIndex.IndexedTarget target : rule.targets()) {
                String input = target.receivesEvent() ? entry.event() : TargetInput.render(target.json(),
                        matched.event(), rule.arn(), rule.rule().name(),
                        EventJson.eventTime(Instant.ofEpochMilli(entry.ingestionMillis())));
                deliveries.add(new Records.Delivery(null, rule.arn(), target.text(), entry.event(), input,
                        entry.ingestionMillis(), 0, entry.ingestionMillis(), null, null));
                targets.add(target.json());
            }
        }
    }

    private List<RuleIndex.IndexedRule> rulesFor(Records.OutboxEntry entry, ObjectNode event) {
        if (entry.scheduledRule() != null) {
            RuleIndex.IndexedRule rule = state.ruleIndex.rule(entry.bus(), entry.scheduledRule());
            return rule == null || !rule.rule().enabled() ? List.of() : List.of(rule);
        }
        List<RuleIndex.IndexedRule> matched = state.ruleIndex.matching(entry.bus(), event);
        if (entry.onlyRuleArns() == null) {
            return matched;
        }
        return matched.stream().filter(rule -> entry.onlyRuleArns().contains(rule.arn())).toList();
    }

    /** Archives the batch's events and takes them out of the outbox, in one change committed soon. */
    private void end(Batch batch) {
        state.store.atomically(() -> {
            for (Matched event : batch.events()) {
                if (event.entry().archivable()) {
                    archive(event.entry(), event.event());
                }
            }
            for (Staged staged : batch.staged()) {
                state.store.outbox.remove(staged.seq());
            }
        });
        state.store.commitSoon();
        inFlight.addAndGet(-batch.staged().size());
        requestDrain();
    }

    private void archive(Records.OutboxEntry entry, ObjectNode event) {
        String busArn = state.arns.bus(entry.bus());
        for (Map.Entry<String, String> stored : state.store.archives.entrySet()) {
            Records.Archive archive = state.store.read(state.store.archives, stored.getKey(), Records.Archive.class)
                    .orElseThrow();
            if (!archive.sourceArn().equals(busArn)
                    || archive.eventPattern() != null && !EventPattern.compile(archive.eventPattern()).matches(event)) {
                continue;
            }
            long eventTime = Instant.parse(event.get("time").asText()).toEpochMilli();
            state.store.write(state.store.archivedEvents,
                    EventBridgeStore.archivedEventKey(archive.name(), eventTime, event.get("id").asText()),
                    new Records.ArchivedEvent(entry.event(), entry.ingestionMillis()));
            // Counted under the archives' lock: delivery threads archive concurrently, and expiry subtracts.
            synchronized (state.store.archives) {
                state.store.read(state.store.archives, archive.name(), Records.Archive.class).ifPresent(current ->
                        state.store.write(state.store.archives, archive.name(),
                                current.withEvent(entry.event().length())));
            }
        }
    }

    private record Matched(Records.OutboxEntry entry, ObjectNode event) {
    }

    private record Batch(List<Staged> staged, List<Matched> events, AtomicInteger attemptsLeft) {

        Batch(List<Staged> staged, List<Matched> events, int attempts) {
            this(staged, events, new AtomicInteger(attempts));
        }
    }
}
