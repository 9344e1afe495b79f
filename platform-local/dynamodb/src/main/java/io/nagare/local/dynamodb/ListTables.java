package io.nagare.local.dynamodb;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** ListTables: names in order, pages of Limit (at most 100) after ExclusiveStartTableName. */
final class ListTables implements Operation {

    private final Database database;

    ListTables(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        String start = Requests.optionalName(input, "ExclusiveStartTableName", "exclusiveStartTableName");
        int limit = 100;
        if (Requests.has(input, "Limit")) {
            limit = input.get("Limit").asInt();
            if (limit < 1 || limit > 100) {
                throw Requests.validationErrors("Value '" + limit + "' at 'limit' failed to satisfy constraint: "
                        + (limit < 1 ? "Member must have value greater than or equal to 1"
                        : "Member must have value less than or equal to 100"));
            }
        }
        List<String> names = database.catalog().names();
        ObjectNode out = Database.NODES.objectNode();
        ArrayNode page = out.putArray("TableNames");
        String last = null;
        for (String name : names) {
            if (start != null && name.compareTo(start) <= 0) {
                continue;
            }
            if (page.size() == limit) {
                out.put("LastEvaluatedTableName", last);
                break;
            }
            page.add(name);
            last = name;
        }
        return out;
    }
}
