package io.nagare.local.stepfunctions.internal.asl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/** Reads the rules of a Choice state: JSONPath comparisons with And/Or/Not, or JSONata Conditions. */
final class ChoiceRuleParser {

    private final Diagnostics errors;
    private final DataFlowParser flows;

    ChoiceRuleParser(Diagnostics errors, DataFlowParser flows) {
        this.errors = errors;
        this.flows = flows;
    }

    ChoiceRule condition(Fields rule) {
        rule.rejectUnknown(Set.of("Condition", "Next", "Assign", "Output", "Comment"), "a JSONata choice rule");
        JsonNode condition = rule.raw("Condition");
        if (condition == null || !(condition.isBoolean() || JsonataExpression.isExpression(condition))) {
            errors.schema(rule.pointer("Condition"), "The field \"Condition\" must be a boolean or a JSONata "
                    + "expression {% ... %}");
            return null;
        }
        return new ChoiceRule.Condition(JsonataTemplate.compile(condition, "Condition", rule.pointer("Condition"), errors));
    }

    ChoiceRule comparison(Fields rule, boolean topLevel) {
        Set<String> allowed = new HashSet<>(Set.of("Variable", "And", "Or", "Not", "Comment"));
        if (topLevel) {
            allowed.addAll(Set.of("Next", "Assign"));
        }
        for (Comparison.Operator operator : Comparison.Operator.values()) {
            allowed.add(operator.name());
            allowed.add(operator.name() + "Path");
        }
        rule.rejectUnknown(allowed, "a choice rule");
        for (String composite : List.of("And", "Or")) {
            if (rule.has(composite)) {
                JsonNode list = rule.raw(composite);
                if (!list.isArray() || list.isEmpty()) {
                    errors.schema(rule.pointer(composite), "The field \"" + composite + "\" must be a non-empty ARRAY");
                    return null;
                }
                List<ChoiceRule> rules = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    ChoiceRule nested = comparison(new Fields(list.get(i), rule.pointer(composite) + "/" + i, errors), false);
                    if (nested != null) {
                        rules.add(nested);
                    }
                }
                return composite.equals("And") ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules);
            }
        }
        if (rule.has("Not")) {
            ChoiceRule nested = comparison(new Fields(rule.raw("Not"), rule.pointer("Not"), errors), false);
            return nested == null ? null : new ChoiceRule.Not(nested);
        }
        String variable = rule.string("Variable", true);
        List<String> operators = new ArrayList<>();
        for (Comparison.Operator operator : Comparison.Operator.values()) {
            if (rule.has(operator.name())) {
                operators.add(operator.name());
            }
            if (rule.has(operator.name() + "Path")) {
                operators.add(operator.name() + "Path");
            }
        }
        if (variable == null) {
            return null;
        }
        if (operators.size() != 1) {
            errors.schema(rule.pointer(), "A choice rule must have exactly one comparison operator, got "
                    + (operators.isEmpty() ? "none" : operators));
            return null;
        }
        Path variablePath = flows.pathValue(rule.pointer("Variable"), "Variable", variable);
        String operatorName = operators.get(0);
        boolean isPath = operatorName.endsWith("Path") && !operatorName.equals("IsPresent");
        Comparison.Operator operator = Comparison.Operator.valueOf(isPath
                ? operatorName.substring(0, operatorName.length() - 4) : operatorName);
        JsonNode operand = rule.raw(operatorName);
        if (isPath) {
            if (operator.isTypeTest()) {
                errors.schema(rule.pointer(operatorName), "The operator \"" + operatorName + "\" does not exist");
                return null;
            }
            Path operandPath = operand.isTextual() ? flows.pathValue(rule.pointer(operatorName), operatorName,
                    operand.textValue()) : null;
            if (operandPath == null) {
                if (!operand.isTextual()) {
                    errors.schema(rule.pointer(operatorName), "The value of \"" + operatorName + "\" must be a path");
                }
                return null;
            }
            return variablePath == null ? null : new Comparison(variablePath, operator, null, operandPath);
        }
        if (!operandTypeOk(operator, operand)) {
            errors.schema(rule.pointer(operatorName), "The value of \"" + operatorName + "\" has the wrong type: "
                    + Json.write(operand));
            return null;
        }
        return variablePath == null ? null : new Comparison(variablePath, operator, operand, null);
    }

    private static boolean operandTypeOk(Comparison.Operator operator, JsonNode operand) {
        String name = operator.name();
        if (operator.isTypeTest() || operator == Comparison.Operator.BooleanEquals) {
            return operand.isBoolean();
        }
        if (name.startsWith("String")) {
            return operand.isTextual();
        }
        if (name.startsWith("Numeric")) {
            return operand.isNumber();
        }
        return operand.isTextual() && Comparison.timestamp(operand.textValue()) != null;
    }
}
