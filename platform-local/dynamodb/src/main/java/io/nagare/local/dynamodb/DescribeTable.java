package io.nagare.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** DescribeTable. A table is ACTIVE as soon as CreateTable has answered. */
final class DescribeTable implements Operation {

    private final Database database;

    DescribeTable(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        Table table = database.catalog().requireForDescribe(Requests.tableName(input));
        ObjectNode out = Database.NODES.objectNode();
        out.set("Table", TableDescriptions.describe(database, table, "ACTIVE"));
        return out;
    }
}
