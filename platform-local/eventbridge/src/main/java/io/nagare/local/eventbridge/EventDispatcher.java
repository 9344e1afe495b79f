package io.nagare.local.eventbridge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Moves accepted events from the durable outbox to target deliveries. An event is staged in the outbox and
 * committed before PutEvents answers; matching it against the bus's rules, archiving it and recording one
 * delivery per target happen later, in one commit that also removes it from the outbox. After a crash the outbox
 * still holds every accepted event whose deliveries were not recorded, so none is lost (some may be delivered
 * twice: at least once). One drain task at a time empties the outbox in batches, one commit per batch.
 */
final class EventDispatcher {

    /** Outbox entries matched per commit. */
    private static final int BATCH = 500;

    private final EventBridgeState state;
    private final Executor executor;
    private final AtomicLong sequence;
    private final AtomicBoolean draining = new AtomicBoolean();
    private TargetDelivery delivery;

    EventDispatcher(EventBridgeState state, Executor executor) {
        this.state = state;
        this.executor = executor;
        this.sequence = new AtomicLong(state.store.nextOutboxSequence());
    }

    void deliverWith(TargetDelivery targetDelivery) {
        this.delivery = targetDelivery;
    }

    /** Writes an accepted event to the outbox; durable at the caller's next commit. Returns its sequence. */
    long stage(Records.OutboxEntry entry) {
        long seq = sequence.getAndIncrement();
        state.store.write(state.store.outbox, seq, entry);
        return seq;
    }

    /** Matches the outbox's entries asynchronously (the staged sequences are among them). */
    void dispatchLater(List<Long> staged) {
        if (!staged.isEmpty()) {
            requestDrain();
        }
    }

    /** Re-dispatches what the outbox still holds (after a restart). */
    void recover() {
        if (!state.store.outbox.isEmpty()) {
            requestDrain();
        }
    }

    private void requestDrain() {
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            List<Records.Delivery> deliveries;
            do {
                deliveries = new ArrayList<>();
                if (dispatchBatch(deliveries) == 0) {
                    break;
                }
                delivery.start(deliveries);
            } while (true);
        } finally {
            draining.set(false);
        }
        if (!state.store.outbox.isEmpty()) {
            requestDrain();
        }
    }

    /** Matches up to {@link #BATCH} outbox entries and commits their deliveries; returns how many it took. */
    private synchronized int dispatchBatch(List<Records.Delivery> deliveries) {
        List<Long> batch = new ArrayList<>();
        Iterator<Long> keys = state.store.outbox.keyIterator(null);
        while (keys.hasNext() && batch.size() < BATCH) {
            batch.add(keys.next());
        }
        for (long seq : batch) {
            state.store.read(state.store.outbox, seq, Records.OutboxEntry.class)
                    .ifPresent(entry -> dispatch(entry, deliveries));
            state.store.outbox.remove(seq);
        }
        if (!batch.isEmpty()) {
            state.store.commit();
        }
        return batch.size();
    }

    private void dispatch(Records.OutboxEntry entry, List<Records.Delivery> deliveries) {
        ObjectNode event = (ObjectNode) EventJson.parse(entry.event());
        String ingestionTime = EventJson.eventTime(Instant.ofEpochMilli(entry.ingestionMillis()));
        for (String ruleName : rulesFor(entry, event)) {
            Records.Rule rule = state.store.read(state.store.rules,
                    EventBridgeStore.ruleKey(entry.bus(), ruleName), Records.Rule.class).orElse(null);
            if (rule == null || !rule.enabled()) {
                continue;
            }
            String ruleArn = state.arns.rule(rule.bus(), rule.name());
            for (ObjectNode target : state.targetsOf(rule.bus(), rule.name())) {
                String input = TargetInput.render(target, event, ruleArn, rule.name(), ingestionTime);
                Records.Delivery delivery = new Records.Delivery(UUID.randomUUID().toString(), ruleArn,
                        EventJson.write(target), entry.event(), input, entry.ingestionMillis(), 0,
                        entry.ingestionMillis(), null, null);
                state.store.write(state.store.deliveries, delivery.id(), delivery);
                deliveries.add(delivery);
            }
        }
        if (entry.archivable()) {
            archive(entry, event);
        }
    }

    private List<String> rulesFor(Records.OutboxEntry entry, ObjectNode event) {
        if (entry.scheduledRule() != null) {
            return List.of(entry.scheduledRule());
        }
        List<String> matched = state.ruleIndex.matching(entry.bus(), event);
        if (entry.onlyRuleArns() == null) {
            return matched;
        }
        return matched.stream()
                .filter(name -> entry.onlyRuleArns().contains(state.arns.rule(entry.bus(), name)))
                .toList();
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
            state.store.write(state.store.archives, archive.name(), archive.withEvent(entry.event().length()));
        }
    }
}
