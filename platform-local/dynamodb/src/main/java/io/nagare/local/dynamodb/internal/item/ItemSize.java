package io.nagare.local.dynamodb.internal.item;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An item's size as DynamoDB counts it against the 400 KB limit: UTF-8 bytes of names and strings, raw bytes of
 * binaries, numbers per {@link Numbers#size}, one byte for BOOL and NULL, three bytes per list or map plus one
 * per element.
 */
public final class ItemSize {

    /** DynamoDB's item size limit, 400 KB. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    public static int of(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8Length(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    public static int of(AttributeValue value) {
        switch (value.type()) {
            case S:
                return utf8Length(((AttributeValue.S) value).value());
            case N:
                return Numbers.size(((AttributeValue.N) value).value());
            case B:
                return ((AttributeValue.B) value).value().length();
            case BOOL:
            case NULL:
                return 1;
            case SS: {
                int size = 0;
                for (String member : ((AttributeValue.SS) value).values()) {
                    size += utf8Length(member);
                }
                return size;
            }
            case NS: {
                int size = 0;
                for (BigDecimal member : ((AttributeValue.NS) value).values()) {
                    size += Numbers.size(member);
                }
                return size;
            }
            case BS: {
                int size = 0;
                for (Binary member : ((AttributeValue.BS) value).values()) {
                    size += member.length();
                }
                return size;
            }
            case M: {
                int size = 3;
                for (Map.Entry<String, AttributeValue> entry : ((AttributeValue.M) value).values().entrySet()) {
                    size += utf8Length(entry.getKey()) + of(entry.getValue()) + 1;
                }
                return size;
            }
            case L: {
                int size = 3;
                for (AttributeValue element : ((AttributeValue.L) value).values()) {
                    size += of(element) + 1;
                }
                return size;
            }
            default:
                throw new IllegalStateException("unknown type " + value.type());
        }
    }

    public static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
