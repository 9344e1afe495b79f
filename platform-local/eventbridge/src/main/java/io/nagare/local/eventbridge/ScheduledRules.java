package io.nagare.local.eventbridge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.runtime.LocalClock;

/**
 * Fires schedule rules ({@code rate()} / {@code cron()}, default bus only) on the runtime clock: each firing
 * stages a {@code Scheduled Event} for that rule in the outbox, then arms the next one. Firings due while the
 * runtime was down are not made up.
 */
final class ScheduledRules implements AutoCloseable {

    private final EventBridgeState state;
    private final EventDispatcher dispatcher;
    private final Map<String, LocalClock.Timer> timers = new ConcurrentHashMap<>();

    ScheduledRules(EventBridgeState state, EventDispatcher dispatcher) {
        this.state = state;
        this.dispatcher = dispatcher;
    }

    void start() {
        state.rulesOf(EventBridgeArns.DEFAULT_BUS).forEach(this::refresh);
    }

    /** Arms, re-arms or disarms the rule after it changed. */
    void refresh(Records.Rule rule) {
        cancel(rule.bus(), rule.name());
        if (rule.enabled() && rule.scheduleExpression() != null) {
            arm(rule, state.clock.now());
        }
    }

    void cancel(String bus, String name) {
        LocalClock.Timer timer = timers.remove(EventBridgeStore.ruleKey(bus, name));
        if (timer != null) {
            timer.cancel();
        }
    }

    private void arm(Records.Rule rule, Instant after) {
        Instant next = ScheduleExpression.parse(rule.scheduleExpression())
                .next(Instant.ofEpochMilli(rule.scheduleAnchorMillis()), after);
        if (next != null) {
            timers.put(EventBridgeStore.ruleKey(rule.bus(), rule.name()),
                    state.clock.schedule(next, () -> fire(rule, next)));
        }
    }

    private void fire(Records.Rule armed, Instant firedAt) {
        Records.Rule rule = state.store.read(state.store.rules, EventBridgeStore.ruleKey(armed.bus(), armed.name()),
                Records.Rule.class).orElse(null);
        if (rule == null || !rule.equals(armed)) {
            return;
        }
        String ruleArn = state.arns.rule(rule.bus(), rule.name());
        ObjectNode event = EventFactory.scheduled(state, ruleArn, firedAt);
        EventDispatcher.Staged staged = dispatcher.stage(new Records.OutboxEntry(rule.bus(), EventJson.write(event),
                firedAt.toEpochMilli(), rule.name(), null, false), event);
        state.store.commit();
        dispatcher.dispatchLater(List.of(staged));
        arm(rule, firedAt);
    }

    @Override
    public void close() {
        timers.values().forEach(LocalClock.Timer::cancel);
        timers.clear();
    }
}
