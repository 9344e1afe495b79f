package io.nagare.local.eventbridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** PutRule, DescribeRule, ListRules, DeleteRule, EnableRule, DisableRule. */
final class RuleOperations {

    private static final List<String> STATES = List.of("ENABLED", "DISABLED");

    private final EventBridgeState state;
    private final ScheduledRules schedules;

    RuleOperations(EventBridgeState state, ScheduledRules schedules) {
        this.state = state;
        this.schedules = schedules;
    }

    ObjectNode put(ObjectNode input) {
        String name = Params.name(input, "Name", Params.RULE_NAME, 64);
        String bus = EventBridgeArns.busName(Params.optional(input, "EventBusName"));
        String pattern = Params.optional(input, "EventPattern");
        String schedule = Params.optional(input, "ScheduleExpression");
        String ruleState = Params.optional(input, "State", "ENABLED");
        if (!STATES.contains(ruleState)) {
            throw Params.validation("Value '" + ruleState + "' at 'state' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [ENABLED, DISABLED, "
                    + "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS]");
        }
        if (pattern == null && schedule == null) {
            throw Params.invalid("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        if (pattern != null) {
            EventPattern.compile(pattern);
        }
        if (schedule != null) {
            if (!bus.equals(EventBridgeArns.DEFAULT_BUS)) {
                throw Params.invalid("ScheduleExpression is supported only on the default event bus.");
            }
            ScheduleExpression.parse(schedule);
        }
        state.requireBus(bus);
        String key = EventBridgeStore.ruleKey(bus, name);
        Records.Rule previous = state.store.read(state.store.rules, key, Records.Rule.class).orElse(null);
        long anchor = previous != null && schedule != null && schedule.equals(previous.scheduleExpression())
                ? previous.scheduleAnchorMillis() : state.clock.now().toEpochMilli();
        Records.Rule rule = new Records.Rule(bus, name, pattern, schedule, ruleState,
                Params.optional(input, "Description"), Params.optional(input, "RoleArn"), anchor);
        save(rule);
        return EventJson.object().put("RuleArn", state.arns.rule(bus, name));
    }

    ObjectNode describe(ObjectNode input) {
        Records.Rule rule = state.requireRule(busOf(input), Params.name(input, "Name", Params.RULE_NAME, 64));
        ObjectNode output = describe(rule);
        output.put("CreatedBy", state.accountId);
        return output;
    }

    ObjectNode list(ObjectNode input) {
        String bus = busOf(input);
        state.requireBus(bus);
        String prefix = Params.optional(input, "NamePrefix", "");
        Map<String, Records.Rule> byName = new java.util.TreeMap<>();
        for (Records.Rule rule : state.rulesOf(bus)) {
            if (rule.name().startsWith(prefix)) {
                byName.put(rule.name(), rule);
            }
        }
        ObjectNode output = EventJson.object();
        ArrayNode rules = output.putArray("Rules");
        for (String name : Paging.page(new ArrayList<>(byName.keySet()), input, output, 100)) {
            rules.add(describe(byName.get(name)));
        }
        return output;
    }

    /** Deleting a rule that does not exist succeeds, as in AWS; one that still has targets is refused. */
    ObjectNode delete(ObjectNode input) {
        String name = Params.name(input, "Name", Params.RULE_NAME, 64);
        String bus = busOf(input);
        state.requireBus(bus);
        String key = EventBridgeStore.ruleKey(bus, name);
        if (!state.store.rules.containsKey(key)) {
            return EventJson.object();
        }
        if (!state.targetsOf(bus, name).isEmpty()) {
            throw Params.invalid("Rule can't be deleted since it has targets.");
        }
        state.store.rules.remove(key);
        state.store.commit();
        state.reindex(bus, name);
        schedules.cancel(bus, name);
        return EventJson.object();
    }

    ObjectNode enable(ObjectNode input) {
        return setState(input, "ENABLED");
    }

    ObjectNode disable(ObjectNode input) {
        return setState(input, "DISABLED");
    }

    private ObjectNode setState(ObjectNode input, String newState) {
        Records.Rule rule = state.requireRule(busOf(input), Params.name(input, "Name", Params.RULE_NAME, 64));
        save(rule.withState(newState));
        return EventJson.object();
    }

    private void save(Records.Rule rule) {
        state.store.write(state.store.rules, EventBridgeStore.ruleKey(rule.bus(), rule.name()), rule);
        state.store.commit();
        state.reindex(rule.bus(), rule.name());
        schedules.refresh(rule);
    }

    private ObjectNode describe(Records.Rule rule) {
        ObjectNode output = EventJson.object()
                .put("Name", rule.name())
                .put("Arn", state.arns.rule(rule.bus(), rule.name()));
        putIfPresent(output, "EventPattern", rule.eventPattern());
        putIfPresent(output, "ScheduleExpression", rule.scheduleExpression());
        output.put("State", rule.state());
        putIfPresent(output, "Description", rule.description());
        putIfPresent(output, "RoleArn", rule.roleArn());
        output.put("EventBusName", rule.bus());
        return output;
    }

    private static String busOf(ObjectNode input) {
        return EventBridgeArns.busName(Params.optional(input, "EventBusName"));
    }

    private static void putIfPresent(ObjectNode output, String member, String value) {
        if (value != null) {
            output.put(member, value);
        }
    }
}
