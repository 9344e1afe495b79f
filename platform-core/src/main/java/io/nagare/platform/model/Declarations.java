package io.nagare.platform.model;

/** Checks every declaration's builder makes before it builds: the fields nothing can default. */
final class Declarations {

    private Declarations() {
    }

    static void requireName(String kind, String name) {
        if (name == null || name.isBlank()) {
            throw new ModelException(kind, String.valueOf(name), "name", "is required");
        }
    }

    static void require(String kind, String name, String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new ModelException(kind, name, field, "is required");
        }
    }
}
