package io.nagare.schemas;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map.Entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One schema version as the compatibility check reads it: named ({@code v2}) and with its local {@code $ref}s. */
final class SchemaDocument {

    private static final int MAX_REF_HOPS = 32;

    private final String label;
    private final JsonNode root;
    private final String id;

    SchemaDocument(String label, JsonNode root) {
        this.label = label;
        this.root = root;
        this.id = root.path("$id").asText("");
    }

    String label() {
        return label;
    }

    SchemaNode root() {
        return new SchemaNode(root, "");
    }

    /**
     * The node itself or, when it has a {@code $ref}, the schema it refers to; keywords next to the {@code $ref}
     * (2020-12 applies both) are added to the referred schema.
     */
    SchemaNode resolve(SchemaNode node) {
        SchemaNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            if (hops == MAX_REF_HOPS) {
                throw new SchemaRegistryException(where(node) + ": $ref chain does not end (circular $ref)");
            }
            current = withSiblings(current, target(current));
        }
        return current;
    }

    private SchemaNode target(SchemaNode node) {
        String ref = node.get("$ref").asText();
        int hash = ref.indexOf('#');
        String base = hash < 0 ? ref : ref.substring(0, hash);
        if (!base.isEmpty() && !base.equals(id)) {
            throw new SchemaRegistryException(where(node) + ": not supported: $ref to another document (" + ref
                    + "); event schemas are self-contained, put shared types in $defs");
        }
        String fragment = hash < 0 ? "" : URLDecoder.decode(ref.substring(hash + 1).replace("+", "%2B"),
                StandardCharsets.UTF_8);
        if (fragment.isEmpty() || fragment.startsWith("/")) {
            JsonNode target = root.at(fragment);
            if (target.isMissingNode()) {
                throw new SchemaRegistryException(where(node) + ": $ref " + ref + " points to nothing");
            }
            return new SchemaNode(target, fragment);
        }
        SchemaNode anchored = findAnchor(root(), fragment);
        if (anchored == null) {
            throw new SchemaRegistryException(where(node) + ": $ref " + ref + " names no $anchor of this schema");
        }
        return anchored;
    }

    private SchemaNode withSiblings(SchemaNode referring, SchemaNode target) {
        ObjectNode siblings = ((ObjectNode) referring.json()).deepCopy();
        siblings.remove("$ref");
        siblings.remove(SchemaKeywords.ANNOTATIONS);
        if (siblings.isEmpty()) {
            return target;
        }
        if (!target.json().isObject()) {
            throw new SchemaRegistryException(where(referring)
                    + ": not supported: keywords next to a $ref to a boolean schema");
        }
        ObjectNode merged = ((ObjectNode) target.json()).deepCopy();
        for (Entry<String, JsonNode> sibling : siblings.properties()) {
            JsonNode existing = merged.get(sibling.getKey());
            if (existing != null && !existing.equals(sibling.getValue())) {
                throw new SchemaRegistryException(where(referring) + ": not supported: '" + sibling.getKey()
                        + "' next to a $ref whose target sets it differently");
            }
            merged.set(sibling.getKey(), sibling.getValue());
        }
        return new SchemaNode(merged, target.pointer());
    }

    private static SchemaNode findAnchor(SchemaNode node, String anchor) {
        JsonNode json = node.json();
        if (json.isObject()) {
            if (anchor.equals(json.path("$anchor").asText(null))) {
                return node;
            }
            for (Entry<String, JsonNode> field : json.properties()) {
                SchemaNode found = findAnchor(node.child(field.getKey()), anchor);
                if (found != null) {
                    return found;
                }
            }
        } else if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                SchemaNode found = findAnchor(new SchemaNode(json.get(i), node.pointer() + "/" + i), anchor);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private String where(SchemaNode node) {
        return label + "#" + node.pointer();
    }
}
