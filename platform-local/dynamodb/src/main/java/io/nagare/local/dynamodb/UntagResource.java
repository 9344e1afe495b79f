package io.nagare.local.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** UntagResource: removes tags of a table by key. */
final class UntagResource implements Operation {

    private final Database database;

    UntagResource(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        Table table = database.tableByArn(Requests.text(input, "ResourceArn"));
        Map<String, String> tags = new LinkedHashMap<>(table.definition().tags());
        input.path("TagKeys").forEach(key -> tags.remove(key.asText()));
        database.catalog().redefine(table.name(), current -> current.toBuilder().tags(tags).build());
        return Database.NODES.objectNode();
    }
}
