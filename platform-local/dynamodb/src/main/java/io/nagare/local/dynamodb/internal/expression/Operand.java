package io.nagare.local.dynamodb.internal.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;
import io.nagare.local.dynamodb.internal.item.ItemSize;
import io.nagare.local.dynamodb.internal.item.Numbers;

/** A value in an expression: a document path, a {@code :value}, or a function of those. */
public sealed interface Operand {

    /** The value against {@code item}, or null when it refers to what the item does not have. */
    AttributeValue evaluate(Map<String, AttributeValue> item);

    /** Every document path the operand reads. */
    void paths(Consumer<DocumentPath> sink);

    /** The type when it is known without an item (a literal value or a function's result type). */
    default AttributeValue.Type staticType() {
        return null;
    }

    record Path(DocumentPath path) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            return path.resolve(item);
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            sink.accept(path);
        }
    }

    record Value(String placeholder, AttributeValue value) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            return value;
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
        }

        @Override
        public AttributeValue.Type staticType() {
            return value.type();
        }
    }

    /** {@code size(path)}: string and binary length, set, map and list element counts. */
    record Size(Operand argument) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            AttributeValue value = argument.evaluate(item);
            if (value == null) {
                return null;
            }
            long size;
            switch (value.type()) {
                case S -> size = ItemSize.utf8Length(((AttributeValue.S) value).value());
                case B -> size = ((AttributeValue.B) value).value().length();
                case SS -> size = ((AttributeValue.SS) value).values().size();
                case NS -> size = ((AttributeValue.NS) value).values().size();
                case BS -> size = ((AttributeValue.BS) value).values().size();
                case M -> size = ((AttributeValue.M) value).values().size();
                case L -> size = ((AttributeValue.L) value).values().size();
                default -> {
                    return null;
                }
            }
            return AttributeValue.number(size);
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            argument.paths(sink);
        }

        @Override
        public AttributeValue.Type staticType() {
            return AttributeValue.Type.N;
        }
    }

    /** {@code if_not_exists(path, operand)} (update expressions only). */
    record IfNotExists(DocumentPath path, Operand fallback) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            AttributeValue existing = path.resolve(item);
            return existing != null ? existing : UpdateErrors.required(fallback.evaluate(item));
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            sink.accept(path);
            fallback.paths(sink);
        }
    }

    /** {@code list_append(a, b)} (update expressions only). */
    record ListAppend(Operand first, Operand second) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            AttributeValue a = UpdateErrors.required(first.evaluate(item));
            AttributeValue b = UpdateErrors.required(second.evaluate(item));
            if (!(a instanceof AttributeValue.L listA) || !(b instanceof AttributeValue.L listB)) {
                throw UpdateErrors.incorrectType();
            }
            List<AttributeValue> joined = new ArrayList<>(listA.values());
            joined.addAll(listB.values());
            return new AttributeValue.L(joined);
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            first.paths(sink);
            second.paths(sink);
        }

        @Override
        public AttributeValue.Type staticType() {
            return AttributeValue.Type.L;
        }
    }

    /** {@code a + b} and {@code a - b} on numbers (update expressions only). */
    record Arithmetic(Operand left, char operator, Operand right) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            AttributeValue a = UpdateErrors.required(left.evaluate(item));
            AttributeValue b = UpdateErrors.required(right.evaluate(item));
            if (!(a instanceof AttributeValue.N numberA) || !(b instanceof AttributeValue.N numberB)) {
                throw UpdateErrors.incorrectType();
            }
            BigDecimal result = operator == '+' ? numberA.value().add(numberB.value())
                    : numberA.value().subtract(numberB.value());
            return AttributeValue.number(Numbers.checked(result));
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
            left.paths(sink);
            right.paths(sink);
        }

        @Override
        public AttributeValue.Type staticType() {
            return AttributeValue.Type.N;
        }
    }

    /** A function used where a value is expected; the parser reports it, so it is never evaluated. */
    record Misused(String name) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            throw new IllegalStateException("misused function " + name + " reached evaluation");
        }

        @Override
        public void paths(Consumer<DocumentPath> sink) {
        }
    }

    /** Update-time failures, with DynamoDB's messages. */
    final class UpdateErrors {
        private UpdateErrors() {
        }

        static AttributeValue required(AttributeValue value) {
            if (value == null) {
                throw DynamoDbErrors.validation(
                        "The provided expression refers to an attribute that does not exist in the item");
            }
            return value;
        }

        static RuntimeException incorrectType() {
            return DynamoDbErrors.validation("An operand in the update expression has an incorrect data type");
        }
    }
}
