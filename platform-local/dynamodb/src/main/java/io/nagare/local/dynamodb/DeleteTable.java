package io.nagare.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;

/** DeleteTable: the table and its indexes go at once; the answer still says DELETING, as DynamoDB's does. */
final class DeleteTable implements Operation {

    private final Database database;

    DeleteTable(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        String name = Requests.tableName(input);
        Table table = database.catalog().requireForDescribe(name);
        if (table.definition().deletionProtection()) {
            throw DynamoDbErrors.validation("Resource cannot be deleted as it is currently protected against deletion. "
                    + "Disable deletion protection first.");
        }
        ObjectNode description = TableDescriptions.describe(database, table, "DELETING");
        database.catalog().delete(name);
        ObjectNode out = Database.NODES.objectNode();
        out.set("TableDescription", description);
        return out;
    }
}
