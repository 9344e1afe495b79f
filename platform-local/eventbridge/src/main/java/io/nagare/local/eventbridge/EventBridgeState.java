package io.nagare.local.eventbridge;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.runtime.LocalClock;

/** What the operations share: the store, ARNs, the clock and the compiled rules, with the lookups AWS errors on. */
final class EventBridgeState {

    final EventBridgeStore store;
    final EventBridgeArns arns;
    final LocalClock clock;
    final String region;
    final String accountId;
    final RuleIndex ruleIndex = new RuleIndex();

    EventBridgeState(EventBridgeStore store, LocalClock clock, String region, String accountId) {
        this.store = store;
        this.clock = clock;
        this.region = region;
        this.accountId = accountId;
        this.arns = new EventBridgeArns(region, accountId);
    }

    Records.Bus requireBus(String name) {
        return store.read(store.buses, name, Records.Bus.class)
                .orElseThrow(() -> Params.notFound("Event bus " + name + " does not exist."));
    }

    Records.Rule requireRule(String bus, String name) {
        requireBus(bus);
        return store.read(store.rules, EventBridgeStore.ruleKey(bus, name), Records.Rule.class)
                .orElseThrow(() -> Params.notFound("Rule " + name + " does not exist on EventBus " + bus + "."));
    }

    List<Records.Rule> rulesOf(String bus) {
        List<Records.Rule> rules = new ArrayList<>();
        for (String key : EventBridgeStore.keysWithPrefix(store.rules, EventBridgeStore.ruleKey(bus, ""))) {
            store.read(store.rules, key, Records.Rule.class).ifPresent(rules::add);
        }
        return rules;
    }

    /** The targets of a rule as PutTargets stored them, ordered by id. */
    List<ObjectNode> targetsOf(String bus, String rule) {
        List<ObjectNode> targets = new ArrayList<>();
        for (String key : EventBridgeStore.keysWithPrefix(store.targets, EventBridgeStore.targetKey(bus, rule, ""))) {
            targets.add((ObjectNode) EventJson.parse(store.targets.get(key)));
        }
        return targets;
    }

    /** Indexes every rule of {@code bus} (as the service starts). */
    void indexRules(String bus) {
        for (Records.Rule rule : rulesOf(bus)) {
            reindex(bus, rule.name());
        }
    }

    /**
     * Brings the index up to date with the stored rule and its targets, after either changed. Serialized, and the
     * store read inside, so concurrent changes leave the index as the store ends up.
     */
    void reindex(String bus, String name) {
        synchronized (ruleIndex) {
            Records.Rule rule = store.read(store.rules, EventBridgeStore.ruleKey(bus, name), Records.Rule.class)
                    .orElse(null);
            ruleIndex.put(bus, name, rule == null ? null : new RuleIndex.IndexedRule(rule, arns.rule(bus, name),
                    targetsOf(bus, name).stream().map(RuleIndex.IndexedTarget::of).toList()));
        }
    }

    /** Drops a deleted bus's rules from the index. */
    void unindex(String bus) {
        synchronized (ruleIndex) {
            ruleIndex.remove(bus);
        }
    }
}
