package io.nagare.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** DescribeTimeToLive. */
final class DescribeTimeToLive implements Operation {

    private final Database database;

    DescribeTimeToLive(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        Table table = database.catalog().requireForDescribe(Requests.tableName(input));
        String attribute = table.definition().ttlAttribute();
        ObjectNode out = Database.NODES.objectNode();
        ObjectNode description = out.putObject("TimeToLiveDescription");
        description.put("TimeToLiveStatus", attribute == null ? "DISABLED" : "ENABLED");
        if (attribute != null) {
            description.put("AttributeName", attribute);
        }
        return out;
    }
}
