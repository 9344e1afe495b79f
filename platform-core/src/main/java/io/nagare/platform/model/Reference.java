package io.nagare.platform.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A reference by name to a declared function, saga, table, queue or bus: a subscription's or a route's target, a
 * saga's definition substitution. Wherever a reference becomes a value (a substitution, an environment variable),
 * it is the identifier the AWS API of that resource takes: the function ARN, the state machine ARN, the table name,
 * the queue URL, the bus name.
 *
 * @param kind what is referenced
 * @param name its declared name
 */
public record Reference(Kind kind, String name) {

    /** What a reference points at. */
    public enum Kind {
        FUNCTION, SAGA, TABLE, QUEUE, BUS;

        /** {@code function}, {@code saga}, ...: as messages and documents name it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        String plural() {
            return this == BUS ? "buses" : label() + "s";
        }
    }

    public Reference {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a reference to a " + kind.label() + " needs a name");
        }
    }

    public static Reference function(String name) {
        return new Reference(Kind.FUNCTION, name);
    }

    public static Reference saga(String name) {
        return new Reference(Kind.SAGA, name);
    }

    public static Reference table(String name) {
        return new Reference(Kind.TABLE, name);
    }

    public static Reference queue(String name) {
        return new Reference(Kind.QUEUE, name);
    }

    public static Reference bus(String name) {
        return new Reference(Kind.BUS, name);
    }

    /**
     * The environment variable that hands this resource to a function that uses it, e.g.
     * {@code NAGARE_TABLE_ORDERS} for table {@code orders}, {@code NAGARE_QUEUE_PAYMENTS_FIFO} for queue
     * {@code payments.fifo}: {@code NAGARE_<KIND>_<NAME>} with the name upper-cased and every other character than
     * a letter or digit made {@code _}.
     */
    public String environmentVariable() {
        return "NAGARE_" + kind.name() + "_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** {@code saga 'order-fulfilment'}, as messages name it. */
    @Override
    public String toString() {
        return kind.label() + " '" + name + "'";
    }
}
