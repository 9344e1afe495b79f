package io.nagare.local.dynamodb.internal.item;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Order-preserving, self-delimiting byte encodings of key values, so a sorted map of encoded keys iterates a
 * partition in DynamoDB's sort-key order: strings by UTF-8 bytes, binaries by unsigned bytes, numbers by value.
 * A stored key starts with a 4-byte hash of the partition key, which spreads partitions the way DynamoDB's hash
 * does (Scan order, Scan segments as contiguous hash ranges) while one partition stays one contiguous range.
 */
public final class KeyCodec {

    private static final byte NEGATIVE = 0x40;
    private static final byte ZERO = (byte) 0x80;
    private static final byte POSITIVE = (byte) 0xC0;
    private static final int EXPONENT_BIAS = 1000;

    private KeyCodec() {
    }

    /** hash(partition) + partition + sort (when the table has one). */
    public static byte[] itemKey(AttributeValue partition, AttributeValue sort) {
        Buffer out = new Buffer();
        byte[] encodedPartition = encode(partition);
        out.putInt(hash(encodedPartition));
        out.put(encodedPartition);
        if (sort != null) {
            appendOrdered(out, sort);
        }
        return out.toByteArray();
    }

    /** hash(index partition) + index partition + index sort + the table key, unique per item. */
    public static byte[] indexKey(AttributeValue partition, AttributeValue sort, AttributeValue tablePartition,
                                  AttributeValue tableSort) {
        Buffer out = new Buffer();
        byte[] encodedPartition = encode(partition);
        out.putInt(hash(encodedPartition));
        out.put(encodedPartition);
        if (sort != null) {
            appendOrdered(out, sort);
        }
        appendOrdered(out, tablePartition);
        if (tableSort != null) {
            appendOrdered(out, tableSort);
        }
        return out.toByteArray();
    }

    /** The prefix every stored key of one partition starts with. */
    public static byte[] partitionPrefix(AttributeValue partition) {
        Buffer out = new Buffer();
        byte[] encodedPartition = encode(partition);
        out.putInt(hash(encodedPartition));
        out.put(encodedPartition);
        return out.toByteArray();
    }

    /** {@code prefix} followed by the ordered encoding of {@code value}. */
    public static byte[] append(byte[] prefix, AttributeValue value) {
        Buffer out = new Buffer();
        out.put(prefix);
        appendOrdered(out, value);
        return out.toByteArray();
    }

    /** {@code prefix} followed by a string or binary's bytes without terminator: the range of begins_with. */
    public static byte[] appendUnterminated(byte[] prefix, AttributeValue value) {
        Buffer out = new Buffer();
        out.put(prefix);
        escaped(out, rawBytes(value));
        return out.toByteArray();
    }

    /** The first key after every key that starts with {@code prefix}, or null when there is none. */
    public static byte[] prefixEnd(byte[] prefix) {
        byte[] end = prefix.clone();
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        return null;
    }

    /** The smallest stored key whose hash is at least {@code hash} (0 to 2^32). */
    public static byte[] hashBound(long hash) {
        return new byte[] {(byte) (hash >>> 24), (byte) (hash >>> 16), (byte) (hash >>> 8), (byte) hash};
    }

    private static byte[] encode(AttributeValue value) {
        Buffer out = new Buffer();
        appendOrdered(out, value);
        return out.toByteArray();
    }

    private static void appendOrdered(Buffer out, AttributeValue value) {
        switch (value.type()) {
            case S, B -> {
                escaped(out, rawBytes(value));
                out.put((byte) 0);
                out.put((byte) 0);
            }
            case N -> number(out, ((AttributeValue.N) value).value());
            default -> throw new IllegalArgumentException("not a key type: " + value.type());
        }
    }

    private static byte[] rawBytes(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return s.value().getBytes(StandardCharsets.UTF_8);
        }
        return ((AttributeValue.B) value).value().rawBytes();
    }

    /** 0x00 becomes 0x00 0xFF so the 0x00 0x00 terminator sorts before any continuation. */
    private static void escaped(Buffer out, byte[] bytes) {
        for (byte b : bytes) {
            out.put(b);
            if (b == 0) {
                out.put((byte) 0xFF);
            }
        }
    }

    private static void number(Buffer out, BigDecimal value) {
        int sign = value.signum();
        if (sign == 0) {
            out.put(ZERO);
            return;
        }
        BigDecimal canonical = value.stripTrailingZeros();
        String digits = canonical.unscaledValue().abs().toString();
        int exponent = canonical.precision() - canonical.scale() - 1 + EXPONENT_BIAS;
        if (sign > 0) {
            out.put(POSITIVE);
            out.put((byte) (exponent >>> 8));
            out.put((byte) exponent);
            for (int i = 0; i < digits.length(); i++) {
                out.put((byte) (digits.charAt(i) - '0' + 1));
            }
            out.put((byte) 0);
        } else {
            int inverted = 0xFFFF - exponent;
            out.put(NEGATIVE);
            out.put((byte) (inverted >>> 8));
            out.put((byte) inverted);
            for (int i = 0; i < digits.length(); i++) {
                out.put((byte) (10 - (digits.charAt(i) - '0')));
            }
            out.put((byte) 0xFF);
        }
    }

    /** FNV-1a with a murmur3 finaliser: stable across runs and versions (it orders stored data). */
    private static int hash(byte[] bytes) {
        int h = 0x811C9DC5;
        for (byte b : bytes) {
            h ^= b & 0xFF;
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    private static final class Buffer {
        private byte[] bytes = new byte[32];
        private int length;

        void put(byte b) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, length * 2);
            }
            bytes[length++] = b;
        }

        void put(byte[] more) {
            if (length + more.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more.length));
            }
            System.arraycopy(more, 0, bytes, length, more.length);
            length += more.length;
        }

        void putInt(int value) {
            put((byte) (value >>> 24));
            put((byte) (value >>> 16));
            put((byte) (value >>> 8));
            put((byte) value);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, length);
        }
    }
}
