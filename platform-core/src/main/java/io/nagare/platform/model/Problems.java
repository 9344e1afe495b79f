package io.nagare.platform.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The problems the validator's rules find, in the order they find them. */
final class Problems {

    private final List<ModelProblem> found = new ArrayList<>();

    void add(String kind, String name, String field, String problem) {
        found.add(new ModelProblem(kind, name, field, problem));
    }

    List<ModelProblem> list() {
        return List.copyOf(found);
    }

    /** {@code [a, b]}, or {@code none} for an empty list, as messages list what is declared or known. */
    static String listing(Collection<String> names) {
        return names.isEmpty() ? "none" : names.toString();
    }
}
