package io.nagare.local.dynamodb.internal.expression;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.Binary;

/** A parsed condition (ConditionExpression, FilterExpression, KeyConditionExpression), evaluated against an item. */
public sealed interface Condition {

    boolean matches(Map<String, AttributeValue> item);

    /** Every document path the condition reads. */
    void paths(Consumer<DocumentPath> sink);

    /** {@code =, <>, <, <=, >, >=}. A missing operand makes every comparison false except {@code <>}. */
    record Comparison(String operator, Operand left, Operand right) implements Condition {
        @Override
        public boolean matches(Map<String, AttributeValue> item) {
            AttributeValue a = left.evaluate(item);
            AttributeValue b = right.evaluate(item);
            switch (operator) {
                case "=":
                    return Values.equal(a, b);
                case "<>":
                    return !Values.equal(a, b);
                default:
                    Integer order = Values.compare(a, b);
                    if (order == null) {
                        return false;
                    }
                    switch (operator) {
                        case "<":
                            return order < 0;
                        case "<=":
                            return order <= 0;
                        case ">":
                            return order > 0;
                        default:
                            return order >= 0;
                    }
            }
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            left.paths(sink);
            right.paths(sink);
        }
    }

    record Between(Operand value, Operand lower, Operand upper) implements Condition {
        @Override
        public boolean matches(Map<String, AttributeValue> item) {
            AttributeValue v = value.evaluate(item);
            Integer aboveLower = Values.compare(v, lower.evaluate(item));
            Integer belowUpper = Values.compare(v, upper.evaluate(item));
            return aboveLower != null && belowUpper != null && aboveLower >= 0 && belowUpper <= 0;
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            value.paths(sink);
            lower.paths(sink);
            upper.paths(sink);
        }
    }

    record In(Operand value, List<Operand> candidates) implements Condition {
        public In {
            candidates = List.copyOf(candidates);
        }

        @Override
        public boolean matches(Map<String, AttributeValue> item) {
            AttributeValue v = value.evaluate(item);
            for (Operand candidate : candidates) {
                if (Values.equal(v, candidate.evaluate(item))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            value.paths(sink);
            candidates.forEach(c -> c.paths(sink));
        }
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean matches(Map<String, AttributeValue> item) {
            return left.matches(item) && right.matches(item);
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            left.paths(sink);
            right.paths(sink);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean matches(Map<String, AttributeValue> item) {
            return left.matches(item) || right.matches(item);
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            left.paths(sink);
            right.paths(sink);
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public boolean matches(Map<String, AttributeValue> item) {
            return !condition.matches(item);
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            condition.paths(sink);
        }
    }

    record AttributeExists(DocumentPath path) implements Condition {
        @Override
        public boolean matches(Map<String, AttributeValue> item) {
            return path.resolve(item) != null;
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            sink.accept(path);
        }
    }

    record AttributeNotExists(DocumentPath path) implements Condition {
        @Override
        public boolean matches(Map<String, AttributeValue> item) {
            return path.resolve(item) == null;
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            sink.accept(path);
        }
    }

    record AttributeType(DocumentPath path, Operand type) implements Condition {
        @Override
        public boolean matches(Map<String, AttributeValue> item) {
            AttributeValue value = path.resolve(item);
            AttributeValue expected = type.evaluate(item);
            return value != null && expected instanceof AttributeValue.S name
                    && value.type().name().equals(name.value());
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            sink.accept(path);
            type.paths(sink);
        }
    }

    record BeginsWith(Operand value, Operand prefix) implements Condition {
        @Override
        public boolean matches(Map<String, AttributeValue> item) {
            AttributeValue v = value.evaluate(item);
            AttributeValue p = prefix.evaluate(item);
            if (v instanceof AttributeValue.S s && p instanceof AttributeValue.S ps) {
                return s.value().startsWith(ps.value());
            }
            if (v instanceof AttributeValue.B b && p instanceof AttributeValue.B pb) {
                return b.value().startsWith(pb.value());
            }
            return false;
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            value.paths(sink);
            prefix.paths(sink);
        }
    }

    /** Substring of a string, member of a set, or element of a list. */
    record Contains(Operand value, Operand operand) implements Condition {
        @Override
        public boolean matches(Map<String, AttributeValue> item) {
            AttributeValue v = value.evaluate(item);
            AttributeValue o = operand.evaluate(item);
            if (v == null || o == null) {
                return false;
            }
            switch (v.type()) {
                case S:
                    return o instanceof AttributeValue.S s && ((AttributeValue.S) v).value().contains(s.value());
                case B:
                    return o instanceof AttributeValue.B b && containsBytes(((AttributeValue.B) v).value(), b.value());
                case SS:
                    return o instanceof AttributeValue.S s && ((AttributeValue.SS) v).values().contains(s.value());
                case NS:
                    return o instanceof AttributeValue.N n && ((AttributeValue.NS) v).values().contains(n.value());
                case BS:
                    return o instanceof AttributeValue.B b && ((AttributeValue.BS) v).values().contains(b.value());
                case L:
                    return ((AttributeValue.L) v).values().contains(o);
                default:
                    return false;
            }
        }

        private static boolean containsBytes(Binary haystack, Binary needle) {
            outer:
            for (int i = 0; i + needle.length() <= haystack.length(); i++) {
                for (int j = 0; j < needle.length(); j++) {
                    if (haystack.byteAt(i + j) != needle.byteAt(j)) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            value.paths(sink);
            operand.paths(sink);
        }
    }
}
