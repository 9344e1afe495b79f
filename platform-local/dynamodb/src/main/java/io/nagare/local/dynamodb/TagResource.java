package io.nagare.local.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** TagResource: adds or replaces tags of a table. */
final class TagResource implements Operation {

    private final Database database;

    TagResource(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        Table table = database.tableByArn(Requests.text(input, "ResourceArn"));
        Map<String, String> tags = new LinkedHashMap<>(table.definition().tags());
        tags.putAll(Tags.read(input.get("Tags")));
        database.catalog().redefine(table.name(), current -> current.toBuilder().tags(tags).build());
        return Database.NODES.objectNode();
    }
}
