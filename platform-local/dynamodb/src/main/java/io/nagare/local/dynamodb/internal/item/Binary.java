package io.nagare.local.dynamodb.internal.item;

import java.util.Arrays;
import java.util.Base64;

/** An immutable byte string ordered as DynamoDB orders binary values: unsigned, byte by byte. */
public final class Binary implements Comparable<Binary> {

    private final byte[] bytes;

    private Binary(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Binary of(byte[] bytes) {
        return new Binary(bytes.clone());
    }

    static Binary wrap(byte[] bytes) {
        return new Binary(bytes);
    }

    /** The bytes themselves, not a copy: for encoders in this package, which never change them. */
    byte[] rawBytes() {
        return bytes;
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    public boolean startsWith(Binary prefix) {
        return prefix.bytes.length <= bytes.length
                && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public int compareTo(Binary other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Binary b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return base64();
    }
}
