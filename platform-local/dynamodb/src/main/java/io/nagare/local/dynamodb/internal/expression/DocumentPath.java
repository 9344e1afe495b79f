package io.nagare.local.dynamodb.internal.expression;

import java.util.List;
import java.util.Map;

import io.nagare.local.dynamodb.internal.item.AttributeValue;

/**
 * A resolved document path such as {@code a.b[2].c}: attribute names with expression names substituted, and
 * list indexes.
 */
public record DocumentPath(List<Element> elements) {

    public DocumentPath {
        elements = List.copyOf(elements);
    }

    public static DocumentPath of(String attribute) {
        return new DocumentPath(List.of(new Name(attribute)));
    }

    /** One step of a path. */
    public sealed interface Element {
    }

    public record Name(String name) implements Element {
        @Override
        public String toString() {
            return name;
        }
    }

    public record Index(int index) implements Element {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    /** The top-level attribute the path starts at. */
    public String head() {
        return ((Name) elements.get(0)).name();
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** The value at this path in {@code item}, or null when any step is missing or of the wrong type. */
    public AttributeValue resolve(Map<String, AttributeValue> item) {
        AttributeValue current = item.get(head());
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = step(current, elements.get(i));
        }
        return current;
    }

    static AttributeValue step(AttributeValue container, Element element) {
        if (element instanceof Name name) {
            return container instanceof AttributeValue.M map ? map.values().get(name.name()) : null;
        }
        int index = ((Index) element).index();
        if (container instanceof AttributeValue.L list && index < list.values().size()) {
            return list.values().get(index);
        }
        return null;
    }

    /** Whether one path is a prefix of the other (DynamoDB refuses such pairs in one expression). */
    public boolean overlaps(DocumentPath other) {
        int common = Math.min(elements.size(), other.elements.size());
        return elements.subList(0, common).equals(other.elements.subList(0, common));
    }

    /** Whether the paths reach the same container, one through a name and the other through an index. */
    public boolean conflicts(DocumentPath other) {
        int common = Math.min(elements.size(), other.elements.size());
        for (int i = 0; i < common; i++) {
            Element a = elements.get(i);
            Element b = other.elements.get(i);
            if (a.equals(b)) {
                continue;
            }
            return a.getClass() != b.getClass();
        }
        return false;
    }

    /** As DynamoDB prints a path in messages: {@code [a, b, [2]]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(elements.get(i));
        }
        return text.append(']').toString();
    }
}
