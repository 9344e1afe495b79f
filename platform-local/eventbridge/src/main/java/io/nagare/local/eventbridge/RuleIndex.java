package io.nagare.local.eventbridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.event.ruler.GenericMachine;

/**
 * The rules of each bus as the dispatcher needs them, in memory: the enabled pattern rules compiled into one
 * event-ruler machine per bus (matching costs the same for 10 or 1,000 rules), and each rule with its ARN and
 * targets, so matching an event reads nothing from the store. A changed rule is updated in place: its old pattern
 * deleted from the machine, its new one added. Updates are serialized by the caller ({@link EventBridgeState});
 * matching runs concurrently with them, as event-ruler allows.
 */
final class RuleIndex {

    /** A rule and its targets (ordered by id) as matched events reach them. */
    record IndexedRule(Records.Rule rule, String arn, List<IndexedTarget> targets) {
    }

    /**
     * A target as PutTargets stored it: the JSON, its text (kept in retry records) and whether it receives the event
     * itself (no Input, InputPath or InputTransformer).
     */
    record IndexedTarget(ObjectNode json, String text, boolean receivesEvent) {

        static IndexedTarget of(ObjectNode json) {
            return new IndexedTarget(json, EventJson.write(json), !json.hasNonNull("Input")
                    && !json.hasNonNull("InputPath") && !json.hasNonNull("InputTransformer"));
        }
    }

    private final Map<String, BusRules> buses = new ConcurrentHashMap<>();

    /** Puts {@code rule} (null: the rule was deleted) with its targets in the index. */
    void put(String bus, String name, IndexedRule rule) {
        BusRules busRules = buses.computeIfAbsent(bus, b -> new BusRules());
        Indexed previous = busRules.rules.get(name);
        EventPattern matchedBy = rule != null && rule.rule().enabled() && rule.rule().eventPattern() != null
                ? EventPattern.compile(rule.rule().eventPattern()) : null;
        EventPattern previousPattern = previous == null ? null : previous.matchedBy();
        boolean samePattern = previousPattern != null && matchedBy != null
                && previousPattern.json().equals(matchedBy.json());
        if (rule == null) {
            busRules.rules.remove(name);
        } else {
            busRules.rules.put(name, new Indexed(rule, samePattern ? previousPattern : matchedBy));
        }
        if (!samePattern) {
            if (previousPattern != null) {
                previousPattern.deleteFrom(busRules.machine, name);
            }
            if (matchedBy != null) {
                matchedBy.addTo(busRules.machine, name);
            }
        }
    }

    void remove(String bus) {
        buses.remove(bus);
    }

    /** The enabled rules of {@code bus} whose pattern matches the event. */
    List<IndexedRule> matching(String bus, JsonNode event) {
        BusRules busRules = buses.get(bus);
        if (busRules == null) {
            return List.of();
        }
        List<String> names = busRules.machine.rulesForJSONEvent(event);
        List<IndexedRule> matched = new ArrayList<>(names.size());
        for (String name : names) {
            Indexed indexed = busRules.rules.get(name);
            if (indexed != null && indexed.rule().rule().enabled()) {
                matched.add(indexed.rule());
            }
        }
        return matched;
    }

    /** The rule {@code name} of {@code bus}, or null. */
    IndexedRule rule(String bus, String name) {
        BusRules busRules = buses.get(bus);
        Indexed indexed = busRules == null ? null : busRules.rules.get(name);
        return indexed == null ? null : indexed.rule();
    }

    private static final class BusRules {
        final GenericMachine<String> machine = GenericMachine.<String>builder().build();
        final Map<String, Indexed> rules = new ConcurrentHashMap<>();
    }

    /** A rule and the pattern it was added to the machine with (null: not in the machine). */
    private record Indexed(IndexedRule rule, EventPattern matchedBy) {
    }
}
