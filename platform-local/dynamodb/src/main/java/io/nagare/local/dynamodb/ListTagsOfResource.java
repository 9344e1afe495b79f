package io.nagare.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** ListTagsOfResource. */
final class ListTagsOfResource implements Operation {

    private final Database database;

    ListTagsOfResource(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        Table table = database.tableByArn(Requests.text(input, "ResourceArn"));
        ObjectNode out = Database.NODES.objectNode();
        out.set("Tags", Tags.write(table.definition().tags()));
        return out;
    }
}
