package io.nagare.local.dynamodb.internal.expression;

import io.nagare.local.dynamodb.internal.item.AttributeValue;

/** Comparison of attribute values as DynamoDB compares them. */
public final class Values {

    private Values() {
    }

    /**
     * Orders two values of the same scalar type (S by code point, i.e. UTF-8 byte order; N by value; B unsigned),
     * or returns null when they cannot be ordered (missing, different types, or not S/N/B).
     */
    public static Integer compare(AttributeValue a, AttributeValue b) {
        if (a == null || b == null || a.type() != b.type()) {
            return null;
        }
        switch (a.type()) {
            case S:
                return compareCodePoints(((AttributeValue.S) a).value(), ((AttributeValue.S) b).value());
            case N:
                return ((AttributeValue.N) a).value().compareTo(((AttributeValue.N) b).value());
            case B:
                return ((AttributeValue.B) a).value().compareTo(((AttributeValue.B) b).value());
            default:
                return null;
        }
    }

    public static boolean equal(AttributeValue a, AttributeValue b) {
        return a != null && a.equals(b);
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
