package io.nagare.local.stepfunctions.internal.asl;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSONPath Choice comparison: {@code Variable} against a literal or (for {@code *Path} operators) another path.
 * A value of the wrong type compares false; a missing variable is a runtime error except for {@code IsPresent}.
 */
final class Comparison implements ChoiceRule {

    enum Operator {
        StringEquals, StringLessThan, StringGreaterThan, StringLessThanEquals, StringGreaterThanEquals, StringMatches,
        NumericEquals, NumericLessThan, NumericGreaterThan, NumericLessThanEquals, NumericGreaterThanEquals,
        BooleanEquals,
        TimestampEquals, TimestampLessThan, TimestampGreaterThan, TimestampLessThanEquals, TimestampGreaterThanEquals,
        IsNull, IsPresent, IsNumeric, IsString, IsBoolean, IsTimestamp;

        boolean isTypeTest() {
            return name().startsWith("Is");
        }
    }

    private final Path variable;
    private final Operator operator;
    private final JsonNode operand;
    private final Path operandPath;
    private final Pattern wildcard;

    Comparison(Path variable, Operator operator, JsonNode operand, Path operandPath) {
        this.variable = variable;
        this.operator = operator;
        this.operand = operand;
        this.operandPath = operandPath;
        this.wildcard = operator == Operator.StringMatches && operand != null ? wildcard(operand.textValue()) : null;
    }

    @Override
    public boolean test(JsonNode input, StateRun run) {
        JsonNode value = variable.read(input, run);
        if (operator == Operator.IsPresent) {
            return (value != null) == operand.booleanValue();
        }
        if (value == null) {
            throw StatesError.runtime("Invalid path '" + variable.text()
                    + "': The choice state's condition path references an invalid value.");
        }
        if (operator.isTypeTest()) {
            return typeTest(value) == operand.booleanValue();
        }
        JsonNode other = operand;
        Pattern pattern = wildcard;
        if (operandPath != null) {
            other = operandPath.read(input, run);
            if (other == null) {
                throw StatesError.runtime("Invalid path '" + operandPath.text()
                        + "': The choice state's condition path references an invalid value.");
            }
            if (operator == Operator.StringMatches) {
                pattern = other.isTextual() ? wildcard(other.textValue()) : null;
            }
        }
        return compare(value, other, pattern);
    }

    private boolean typeTest(JsonNode value) {
        return switch (operator) {
            case IsNull -> value.isNull();
            case IsNumeric -> value.isNumber();
            case IsString -> value.isTextual();
            case IsBoolean -> value.isBoolean();
            case IsTimestamp -> value.isTextual() && timestamp(value.textValue()) != null;
            default -> throw new IllegalStateException(operator.name());
        };
    }

    private boolean compare(JsonNode value, JsonNode other, Pattern pattern) {
        String op = operator.name();
        if (op.startsWith("String")) {
            if (!value.isTextual() || !other.isTextual()) {
                return false;
            }
            if (operator == Operator.StringMatches) {
                return pattern != null && pattern.matcher(value.textValue()).matches();
            }
            return ordered(value.textValue().compareTo(other.textValue()), op.substring("String".length()));
        }
        if (op.startsWith("Numeric")) {
            if (!value.isNumber() || !other.isNumber()) {
                return false;
            }
            return ordered(value.decimalValue().compareTo(other.decimalValue()), op.substring("Numeric".length()));
        }
        if (operator == Operator.BooleanEquals) {
            return value.isBoolean() && other.isBoolean() && value.booleanValue() == other.booleanValue();
        }
        if (!value.isTextual() || !other.isTextual()) {
            return false;
        }
        OffsetDateTime left = timestamp(value.textValue());
        OffsetDateTime right = timestamp(other.textValue());
        if (left == null || right == null) {
            return false;
        }
        return ordered(left.toInstant().compareTo(right.toInstant()), op.substring("Timestamp".length()));
    }

    private static boolean ordered(int comparison, String relation) {
        return switch (relation) {
            case "Equals" -> comparison == 0;
            case "LessThan" -> comparison < 0;
            case "GreaterThan" -> comparison > 0;
            case "LessThanEquals" -> comparison <= 0;
            case "GreaterThanEquals" -> comparison >= 0;
            default -> throw new IllegalStateException(relation);
        };
    }

    static OffsetDateTime timestamp(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** StringMatches: {@code *} matches any text, {@code \*} a literal asterisk, {@code \\} a backslash. */
    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal.append(pattern.charAt(++i));
            } else if (c == '*') {
                regex.append(Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
