package io.nagare.schemas;

import static io.nagare.schemas.SchemaComparison.where;

import java.math.BigDecimal;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value constraints of strings, numbers, arrays and objects. A reader breaks when it adds a constraint or
 * tightens one (lower maximum, higher minimum, another pattern or format, a coarser multipleOf, unique items);
 * removing or loosening one is fine.
 */
final class ConstraintComparison {

    private enum Kind { LOWER_BOUND, UPPER_BOUND, EXACT, MULTIPLE, FLAG }

    private record Constraint(String keyword, Kind kind) {
    }

    private static final Constraint[] CONSTRAINTS = {
        new Constraint("minLength", Kind.LOWER_BOUND),
        new Constraint("maxLength", Kind.UPPER_BOUND),
        new Constraint("pattern", Kind.EXACT),
        new Constraint("format", Kind.EXACT),
        new Constraint("minimum", Kind.LOWER_BOUND),
        new Constraint("exclusiveMinimum", Kind.LOWER_BOUND),
        new Constraint("maximum", Kind.UPPER_BOUND),
        new Constraint("exclusiveMaximum", Kind.UPPER_BOUND),
        new Constraint("multipleOf", Kind.MULTIPLE),
        new Constraint("minItems", Kind.LOWER_BOUND),
        new Constraint("maxItems", Kind.UPPER_BOUND),
        new Constraint("uniqueItems", Kind.FLAG),
        new Constraint("minProperties", Kind.LOWER_BOUND),
        new Constraint("maxProperties", Kind.UPPER_BOUND),
    };

    private ConstraintComparison() {
    }

    static void compare(SchemaComparison comparison, SchemaNode w, SchemaNode r, String path) {
        for (Constraint constraint : CONSTRAINTS) {
            String keyword = constraint.keyword();
            switch (constraint.kind()) {
                case LOWER_BOUND, UPPER_BOUND -> bound(comparison, keyword, constraint.kind() == Kind.UPPER_BOUND,
                        w, r, path);
                case EXACT -> exact(comparison, keyword, w, r, path);
                case MULTIPLE -> multipleOf(comparison, w, r, path);
                case FLAG -> uniqueItems(comparison, w, r, path);
            }
        }
    }

    private static void bound(SchemaComparison c, String keyword, boolean upper, SchemaNode w, SchemaNode r,
                              String path) {
        BigDecimal writerValue = decimal(w.get(keyword));
        BigDecimal readerValue = decimal(r.get(keyword));
        if (readerValue == null) {
            return;
        }
        boolean tighter = writerValue == null
                || (upper ? readerValue.compareTo(writerValue) < 0 : readerValue.compareTo(writerValue) > 0);
        if (!tighter) {
            return;
        }
        String rule = rulePrefix(keyword) + (writerValue == null ? "_ADDED" : upper ? "_DECREASED" : "_INCREASED");
        BigDecimal oldValue = c.older(writerValue, readerValue);
        BigDecimal newValue = c.newer(writerValue, readerValue);
        String change;
        if (oldValue == null) {
            change = "adds " + keyword + " " + newValue.toPlainString() + " to " + where(path);
        } else if (newValue == null) {
            change = "removes " + keyword + " " + oldValue.toPlainString() + " from " + where(path);
        } else {
            change = (newValue.compareTo(oldValue) < 0 ? "lowers " : "raises ") + keyword + " of " + where(path)
                    + " from " + oldValue.toPlainString() + " to " + newValue.toPlainString();
        }
        c.report(rule, change, w, r, keyword);
    }

    private static void exact(SchemaComparison c, String keyword, SchemaNode w, SchemaNode r, String path) {
        JsonNode writerValue = w.get(keyword);
        JsonNode readerValue = r.get(keyword);
        if (readerValue == null || readerValue.equals(writerValue)) {
            return;
        }
        JsonNode oldValue = c.older(writerValue, readerValue);
        JsonNode newValue = c.newer(writerValue, readerValue);
        String change = oldValue == null ? "adds " + keyword + " " + newValue + " to " + where(path)
                : newValue == null ? "removes " + keyword + " " + oldValue + " from " + where(path)
                : "changes " + keyword + " of " + where(path) + " from " + oldValue + " to " + newValue;
        c.report(rulePrefix(keyword) + (writerValue == null ? "_ADDED" : "_CHANGED"), change, w, r, keyword);
    }

    /** A reader's multipleOf holds for every writer value when the writer's is a multiple of it (0.1 of 0.01). */
    private static void multipleOf(SchemaComparison c, SchemaNode w, SchemaNode r, String path) {
        BigDecimal writerValue = decimal(w.get("multipleOf"));
        BigDecimal readerValue = decimal(r.get("multipleOf"));
        if (readerValue == null || writerValue != null && writerValue.remainder(readerValue).signum() == 0) {
            return;
        }
        String rule = writerValue == null ? "MULTIPLE_OF_ADDED"
                : readerValue.remainder(writerValue).signum() == 0 ? "MULTIPLE_OF_EXPANDED" : "MULTIPLE_OF_CHANGED";
        BigDecimal oldValue = c.older(writerValue, readerValue);
        BigDecimal newValue = c.newer(writerValue, readerValue);
        String change = oldValue == null ? "adds multipleOf " + newValue.toPlainString() + " to " + where(path)
                : newValue == null ? "removes multipleOf " + oldValue.toPlainString() + " from " + where(path)
                : "changes multipleOf of " + where(path) + " from " + oldValue.toPlainString() + " to "
                        + newValue.toPlainString();
        c.report(rule, change, w, r, "multipleOf");
    }

    private static void uniqueItems(SchemaComparison c, SchemaNode w, SchemaNode r, String path) {
        boolean writerUnique = w.has("uniqueItems") && w.get("uniqueItems").asBoolean();
        boolean readerUnique = r.has("uniqueItems") && r.get("uniqueItems").asBoolean();
        if (!readerUnique || writerUnique) {
            return;
        }
        c.report("UNIQUE_ITEMS_ADDED", c.readerIsNewer() ? "requires unique items in " + where(path)
                : "stops requiring unique items in " + where(path), w, r, "uniqueItems");
    }

    private static BigDecimal decimal(JsonNode value) {
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }

    /** {@code exclusiveMaximum} becomes {@code EXCLUSIVE_MAXIMUM}, as Confluent names its difference types. */
    private static String rulePrefix(String keyword) {
        return keyword.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
