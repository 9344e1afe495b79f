package io.nagare.local.dynamodb.internal.item;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value, exactly as the service types it. Numbers are exact decimals (never double) kept in
 * DynamoDB's canonical form (no trailing zeros), so {@code 1.0} and {@code 1} are the same value; sets keep their
 * members unique and in the order given.
 */
public sealed interface AttributeValue {

    Type type();

    /** The type descriptors of the wire format, named as DynamoDB names them. */
    enum Type { S, N, B, SS, NS, BS, M, L, BOOL, NULL }

    static AttributeValue string(String value) {
        return new S(value);
    }

    static AttributeValue number(BigDecimal value) {
        return new N(value);
    }

    static AttributeValue number(long value) {
        return new N(BigDecimal.valueOf(value));
    }

    record S(String value) implements AttributeValue {
        @Override
        public Type type() {
            return Type.S;
        }
    }

    record N(BigDecimal value) implements AttributeValue {
        public N {
            value = Numbers.canonical(value);
        }

        @Override
        public Type type() {
            return Type.N;
        }

        /** The wire form: plain notation without trailing zeros, as DynamoDB answers it. */
        public String text() {
            return value.toPlainString();
        }
    }

    record B(Binary value) implements AttributeValue {
        @Override
        public Type type() {
            return Type.B;
        }
    }

    record SS(Set<String> values) implements AttributeValue {
        public SS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        @Override
        public Type type() {
            return Type.SS;
        }
    }

    record NS(Set<BigDecimal> values) implements AttributeValue {
        public NS {
            LinkedHashSet<BigDecimal> canonical = new LinkedHashSet<>();
            values.forEach(v -> canonical.add(Numbers.canonical(v)));
            values = Collections.unmodifiableSet(canonical);
        }

        @Override
        public Type type() {
            return Type.NS;
        }
    }

    record BS(Set<Binary> values) implements AttributeValue {
        public BS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        @Override
        public Type type() {
            return Type.BS;
        }
    }

    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        @Override
        public Type type() {
            return Type.M;
        }
    }

    record L(List<AttributeValue> values) implements AttributeValue {
        public L {
            values = List.copyOf(values);
        }

        @Override
        public Type type() {
            return Type.L;
        }
    }

    record Bool(boolean value) implements AttributeValue {
        @Override
        public Type type() {
            return Type.BOOL;
        }
    }

    record Null() implements AttributeValue {
        @Override
        public Type type() {
            return Type.NULL;
        }
    }
}
