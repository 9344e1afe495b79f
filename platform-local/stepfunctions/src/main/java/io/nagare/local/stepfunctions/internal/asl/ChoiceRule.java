package io.nagare.local.stepfunctions.internal.asl;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A boolean test of a Choice state: a comparison, And/Or/Not of rules, or a JSONata Condition. */
interface ChoiceRule {

    boolean test(JsonNode input, StateRun run);

    record And(List<ChoiceRule> rules) implements ChoiceRule {
        @Override
        public boolean test(JsonNode input, StateRun run) {
            for (ChoiceRule rule : rules) {
                if (!rule.test(input, run)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        @Override
        public boolean test(JsonNode input, StateRun run) {
            for (ChoiceRule rule : rules) {
                if (rule.test(input, run)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(ChoiceRule rule) implements ChoiceRule {
        @Override
        public boolean test(JsonNode input, StateRun run) {
            return !rule.test(input, run);
        }
    }

    /** A JSONata {@code Condition}: a boolean, or an expression that must yield one. */
    record Condition(JsonataTemplate condition) implements ChoiceRule {
        @Override
        public boolean test(JsonNode input, StateRun run) {
            JsonNode value = condition.evaluate(run);
            if (!value.isBoolean()) {
                throw StatesError.queryEvaluation("The Condition field of a Choice rule must evaluate to a boolean,"
                        + " got " + io.nagare.local.stepfunctions.internal.json.Json.write(value), "Condition");
            }
            return value.booleanValue();
        }
    }
}
