package io.nagare.local.stepfunctions.internal.asl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a state's Retry and Catch fields. */
final class ErrorHandlingParser {

    private final Diagnostics errors;
    private final DataFlowParser flows;

    ErrorHandlingParser(Diagnostics errors, DataFlowParser flows) {
        this.errors = errors;
        this.flows = flows;
    }

    List<Retrier> retriers(Fields f) {
        JsonNode retry = f.raw("Retry");
        List<Retrier> retriers = new ArrayList<>();
        if (retry == null) {
            return retriers;
        }
        if (!retry.isArray()) {
            errors.schema(f.pointer("Retry"), "The field \"Retry\" must be an ARRAY");
            return retriers;
        }
        for (int i = 0; i < retry.size(); i++) {
            Fields r = new Fields(retry.get(i), f.pointer("Retry") + "/" + i, errors);
            r.rejectUnknown(Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
                    "JitterStrategy", "Comment"), "a Retrier");
            ErrorEquals errorEquals = errorEquals(r, i == retry.size() - 1);
            Integer interval = r.integer("IntervalSeconds", 1, 99_999_999);
            Integer attempts = r.integer("MaxAttempts", 0, 99_999_999);
            Integer maxDelay = r.integer("MaxDelaySeconds", 1, 31_622_400);
            BigDecimal backoff = BigDecimal.valueOf(2);
            JsonNode rate = r.raw("BackoffRate");
            if (rate != null) {
                if (!rate.isNumber() || rate.decimalValue().compareTo(BigDecimal.ONE) < 0) {
                    errors.schema(r.pointer("BackoffRate"), "The value of the field \"BackoffRate\" must be a number"
                            + " greater than or equal to 1.0");
                } else {
                    backoff = rate.decimalValue();
                }
            }
            String jitter = r.string("JitterStrategy", false);
            if (jitter != null && !jitter.equals("FULL") && !jitter.equals("NONE")) {
                errors.schema(r.pointer("JitterStrategy"), "The value of \"JitterStrategy\" must be FULL or NONE");
            }
            if (errorEquals != null) {
                retriers.add(new Retrier(errorEquals, interval == null ? 1 : interval, attempts == null ? 3 : attempts,
                        backoff, maxDelay, "FULL".equals(jitter)));
            }
        }
        return retriers;
    }

    List<Catcher> catchers(Fields f, boolean jsonata, List<String> targets) {
        JsonNode catchNode = f.raw("Catch");
        List<Catcher> catchers = new ArrayList<>();
        if (catchNode == null) {
            return catchers;
        }
        if (!catchNode.isArray()) {
            errors.schema(f.pointer("Catch"), "The field \"Catch\" must be an ARRAY");
            return catchers;
        }
        for (int i = 0; i < catchNode.size(); i++) {
            Fields c = new Fields(catchNode.get(i), f.pointer("Catch") + "/" + i, errors);
            c.rejectUnknown(jsonata ? Set.of("ErrorEquals", "Next", "Output", "Assign", "Comment")
                    : Set.of("ErrorEquals", "Next", "ResultPath", "Assign", "Comment"), "a Catcher");
            ErrorEquals errorEquals = errorEquals(c, i == catchNode.size() - 1);
            String next = c.string("Next", true);
            if (next != null) {
                targets.add(next);
            }
            if (jsonata) {
                JsonataTemplate output = c.has("Output")
                        ? JsonataTemplate.compile(c.raw("Output"), "Output", c.pointer("Output"), errors) : null;
                if (errorEquals != null) {
                    catchers.add(new Catcher(errorEquals, next, null, null, output, flows.jsonataAssign(c)));
                }
                continue;
            }
            ResultPath resultPath = ResultPath.ROOT;
            if (c.has("ResultPath")) {
                JsonNode value = c.raw("ResultPath");
                if (value.isNull()) {
                    resultPath = ResultPath.DISCARD;
                } else if (value.isTextual()) {
                    try {
                        resultPath = ResultPath.compile(value.textValue());
                    } catch (IllegalArgumentException e) {
                        errors.schema(c.pointer("ResultPath"), e.getMessage());
                    }
                } else {
                    errors.schema(c.pointer("ResultPath"), "The field \"ResultPath\" must be a STRING or null");
                }
            }
            PayloadTemplate assign = c.has("Assign") ? flows.assignTemplate(c) : null;
            if (errorEquals != null) {
                catchers.add(new Catcher(errorEquals, next, resultPath, assign, null, null));
            }
        }
        return catchers;
    }

    private ErrorEquals errorEquals(Fields f, boolean last) {
        JsonNode value = f.raw("ErrorEquals");
        if (value == null || !value.isArray() || value.isEmpty()) {
            errors.schema(f.pointer("ErrorEquals"), "The field \"ErrorEquals\" must be a non-empty ARRAY of STRING");
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : value) {
            if (!name.isTextual()) {
                errors.schema(f.pointer("ErrorEquals"), "The field \"ErrorEquals\" must hold STRING values");
                return null;
            }
            names.add(name.textValue());
        }
        if (names.contains(StatesError.ALL) && (names.size() > 1 || !last)) {
            errors.schema(f.pointer("ErrorEquals"), "States.ALL must appear alone in the ErrorEquals array of the last "
                    + "Retrier or Catcher");
        }
        return new ErrorEquals(names);
    }
}
