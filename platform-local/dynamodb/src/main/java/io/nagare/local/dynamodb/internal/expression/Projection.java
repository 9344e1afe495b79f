package io.nagare.local.dynamodb.internal.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.nagare.local.dynamodb.internal.item.AttributeValue;

/**
 * A ProjectionExpression (or the paths of an update, for UPDATED_OLD/NEW): keeps only the listed paths of an item,
 * nested maps kept as maps and selected list elements kept in their order.
 */
public final class Projection {

    private final List<DocumentPath> paths;

    public Projection(List<DocumentPath> paths) {
        this.paths = List.copyOf(paths);
    }

    public List<DocumentPath> paths() {
        return paths;
    }

    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        MapNode root = new MapNode();
        for (DocumentPath path : paths) {
            AttributeValue value = path.resolve(item);
            if (value != null) {
                root.put(path.elements(), 0, value);
            }
        }
        return root.build();
    }

    private interface Node {
        AttributeValue value();
    }

    private record Leaf(AttributeValue value) implements Node {
    }

    private static final class MapNode implements Node {
        private final Map<String, Node> children = new LinkedHashMap<>();

        void put(List<DocumentPath.Element> elements, int at, AttributeValue value) {
            String name = ((DocumentPath.Name) elements.get(at)).name();
            children.put(name, child(children.get(name), elements, at, value));
        }

        Map<String, AttributeValue> build() {
            Map<String, AttributeValue> result = new LinkedHashMap<>();
            children.forEach((name, node) -> result.put(name, node.value()));
            return result;
        }

        @Override
        public AttributeValue value() {
            return new AttributeValue.M(build());
        }
    }

    private static final class ListNode implements Node {
        private final TreeMap<Integer, Node> children = new TreeMap<>();

        void put(List<DocumentPath.Element> elements, int at, AttributeValue value) {
            int index = ((DocumentPath.Index) elements.get(at)).index();
            children.put(index, child(children.get(index), elements, at, value));
        }

        @Override
        public AttributeValue value() {
            List<AttributeValue> values = new ArrayList<>();
            children.values().forEach(node -> values.add(node.value()));
            return new AttributeValue.L(values);
        }
    }

    private static Node child(Node existing, List<DocumentPath.Element> elements, int at, AttributeValue value) {
        if (at == elements.size() - 1) {
            return new Leaf(value);
        }
        DocumentPath.Element next = elements.get(at + 1);
        if (next instanceof DocumentPath.Name) {
            MapNode node = existing instanceof MapNode map ? map : new MapNode();
            node.put(elements, at + 1, value);
            return node;
        }
        ListNode node = existing instanceof ListNode list ? list : new ListNode();
        node.put(elements, at + 1, value);
        return node;
    }
}
