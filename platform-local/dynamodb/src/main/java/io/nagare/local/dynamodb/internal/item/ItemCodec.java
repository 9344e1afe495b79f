package io.nagare.local.dynamodb.internal.item;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored form of an item: a compact tagged binary encoding (numbers as unscaled value and scale, so they come
 * back exact). Stable on disk: tags and layout must not change without a migration.
 */
public final class ItemCodec {

    private static final byte S = 1;
    private static final byte N = 2;
    private static final byte B = 3;
    private static final byte SS = 4;
    private static final byte NS = 5;
    private static final byte BS = 6;
    private static final byte M = 7;
    private static final byte L = 8;
    private static final byte TRUE = 9;
    private static final byte FALSE = 10;
    private static final byte NULL = 11;

    private ItemCodec() {
    }

    public static byte[] encode(Map<String, AttributeValue> item) {
        Writer out = new Writer(128);
        writeMap(out, item);
        return out.toByteArray();
    }

    public static Map<String, AttributeValue> decode(byte[] bytes) {
        return readMap(ByteBuffer.wrap(bytes));
    }

    private static void writeMap(Writer out, Map<String, AttributeValue> map) {
        out.varInt(map.size());
        for (Map.Entry<String, AttributeValue> entry : map.entrySet()) {
            out.string(entry.getKey());
            write(out, entry.getValue());
        }
    }

    private static void write(Writer out, AttributeValue value) {
        switch (value.type()) {
            case S -> {
                out.put(S);
                out.string(((AttributeValue.S) value).value());
            }
            case N -> {
                out.put(N);
                out.number(((AttributeValue.N) value).value());
            }
            case B -> {
                out.put(B);
                out.bytes(((AttributeValue.B) value).value());
            }
            case BOOL -> out.put(((AttributeValue.Bool) value).value() ? TRUE : FALSE);
            case NULL -> out.put(NULL);
            case SS -> {
                Set<String> members = ((AttributeValue.SS) value).values();
                out.put(SS);
                out.varInt(members.size());
                members.forEach(out::string);
            }
            case NS -> {
                Set<BigDecimal> members = ((AttributeValue.NS) value).values();
                out.put(NS);
                out.varInt(members.size());
                members.forEach(out::number);
            }
            case BS -> {
                Set<Binary> members = ((AttributeValue.BS) value).values();
                out.put(BS);
                out.varInt(members.size());
                members.forEach(out::bytes);
            }
            case M -> {
                out.put(M);
                writeMap(out, ((AttributeValue.M) value).values());
            }
            case L -> {
                List<AttributeValue> elements = ((AttributeValue.L) value).values();
                out.put(L);
                out.varInt(elements.size());
                elements.forEach(element -> write(out, element));
            }
        }
    }

    private static Map<String, AttributeValue> readMap(ByteBuffer in) {
        int size = varInt(in);
        Map<String, AttributeValue> map = new LinkedHashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            String name = string(in);
            map.put(name, read(in));
        }
        return map;
    }

    private static AttributeValue read(ByteBuffer in) {
        byte tag = in.get();
        switch (tag) {
            case S:
                return new AttributeValue.S(string(in));
            case N:
                return new AttributeValue.N(number(in));
            case B:
                return new AttributeValue.B(Binary.wrap(bytes(in)));
            case TRUE:
                return new AttributeValue.Bool(true);
            case FALSE:
                return new AttributeValue.Bool(false);
            case NULL:
                return new AttributeValue.Null();
            case SS: {
                int size = varInt(in);
                Set<String> members = new LinkedHashSet<>(size * 2);
                for (int i = 0; i < size; i++) {
                    members.add(string(in));
                }
                return new AttributeValue.SS(members);
            }
            case NS: {
                int size = varInt(in);
                Set<BigDecimal> members = new LinkedHashSet<>(size * 2);
                for (int i = 0; i < size; i++) {
                    members.add(number(in));
                }
                return new AttributeValue.NS(members);
            }
            case BS: {
                int size = varInt(in);
                Set<Binary> members = new LinkedHashSet<>(size * 2);
                for (int i = 0; i < size; i++) {
                    members.add(Binary.wrap(bytes(in)));
                }
                return new AttributeValue.BS(members);
            }
            case M:
                return new AttributeValue.M(readMap(in));
            case L: {
                int size = varInt(in);
                List<AttributeValue> elements = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    elements.add(read(in));
                }
                return new AttributeValue.L(elements);
            }
            default:
                throw new IllegalStateException("corrupt stored item: unknown tag " + tag);
        }
    }

    private static int varInt(ByteBuffer in) {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in.get();
            value |= (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    private static String string(ByteBuffer in) {
        int length = varInt(in);
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    private static byte[] bytes(ByteBuffer in) {
        byte[] bytes = new byte[varInt(in)];
        in.get(bytes);
        return bytes;
    }

    private static BigDecimal number(ByteBuffer in) {
        int scale = zigZag(varInt(in));
        return new BigDecimal(new BigInteger(bytes(in)), scale);
    }

    private static int zigZag(int encoded) {
        return (encoded >>> 1) ^ -(encoded & 1);
    }

    /** A growable output buffer; cheaper than a stream for the many small writes of an item. */
    private static final class Writer {
        private byte[] buffer;
        private int length;

        Writer(int capacity) {
            buffer = new byte[capacity];
        }

        void put(byte b) {
            ensure(1);
            buffer[length++] = b;
        }

        void varInt(int value) {
            ensure(5);
            while ((value & ~0x7f) != 0) {
                buffer[length++] = (byte) ((value & 0x7f) | 0x80);
                value >>>= 7;
            }
            buffer[length++] = (byte) value;
        }

        void string(String text) {
            bytes(text.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(Binary binary) {
            bytes(binary.rawBytes());
        }

        void bytes(byte[] bytes) {
            varInt(bytes.length);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        void number(BigDecimal value) {
            int scale = value.scale();
            varInt((scale << 1) ^ (scale >> 31));
            bytes(value.unscaledValue().toByteArray());
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, length);
        }
    }
}
