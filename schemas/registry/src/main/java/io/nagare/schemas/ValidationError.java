package io.nagare.schemas;

/**
 * One reason an event (or a payload) is invalid.
 *
 * @param pointer        RFC 6901 pointer of the failing location in the whole document ({@code ""} is the root),
 *                       e.g. {@code /data/lines/0/quantity}
 * @param payloadPointer the same location relative to the payload ({@code data} / {@code detail}), e.g.
 *                       {@code /lines/0/quantity}; null for errors of the envelope itself
 * @param keyword        the failing JSON Schema keyword ({@code type}, {@code required}, ...); envelope checks that
 *                       are not schema keywords use {@code enum} (unknown type or version) and {@code unsupported}
 * @param property       for {@code required} and {@code additionalProperties}: the missing or extra property
 *                       (the pointer is then the object's); else null
 * @param message        what was expected and what was found, e.g. {@code expected number, got string "ten"}
 */
public record ValidationError(String pointer, String payloadPointer, String keyword, String property, String message) {

    /** {@code /data/total: type: expected number, got string "ten"}; the root is shown as {@code (root)}. */
    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(root)" : pointer) + ": " + keyword + ": " + message;
    }
}
