package io.nagare.api.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.schemas.SchemaJson;

/** The JSON mapper of the API: the schema registry's, so numbers keep their exact scale. */
final class Json {

    private Json() {
    }

    static ObjectMapper mapper() {
        return SchemaJson.mapper();
    }

    static ObjectNode object() {
        return mapper().createObjectNode();
    }
}
