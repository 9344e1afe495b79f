package io.nagare.schemas;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A schema or sub-schema and its JSON pointer in its document. An absent node ({@code json} null) is a keyword the
 * schema leaves out, which accepts anything; it keeps the pointer it would have, so messages can still name it.
 */
record SchemaNode(JsonNode json, String pointer) {

    boolean isAbsent() {
        return json == null || json.isMissingNode();
    }

    /** The value of {@code keyword} when this is an object schema that has it, else null. */
    JsonNode get(String keyword) {
        return isAbsent() || !json.isObject() ? null : json.get(keyword);
    }

    boolean has(String keyword) {
        return get(keyword) != null;
    }

    /** The sub-schema under {@code keyword} (e.g. {@code items}), absent when there is none. */
    SchemaNode child(String keyword) {
        return new SchemaNode(get(keyword), pointer + "/" + escape(keyword));
    }

    /** The sub-schema {@code keyword/name} (e.g. {@code properties/sku}), absent when there is none. */
    SchemaNode child(String keyword, String name) {
        JsonNode container = get(keyword);
        return new SchemaNode(container == null ? null : container.get(name),
                pointer + "/" + escape(keyword) + "/" + escape(name));
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
