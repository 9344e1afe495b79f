package io.nagare.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** ListStreams: the latest stream of every table (or of one), in table name order. */
final class ListStreams implements Operation {

    private final Database database;

    ListStreams(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        String only = Requests.text(input, "TableName");
        int limit = Requests.has(input, "Limit") ? input.get("Limit").asInt() : 100;
        String after = Requests.text(input, "ExclusiveStartStreamArn");
        ObjectNode out = Database.NODES.objectNode();
        ArrayNode streams = out.putArray("Streams");
        boolean started = after == null;
        for (String name : database.catalog().names()) {
            if (only != null && !only.equals(name)) {
                continue;
            }
            TableDefinition definition = database.catalog().requireForDescribe(name).definition();
            if (definition.streamLabel() == null) {
                continue;
            }
            String arn = Streams.arn(database, definition);
            if (!started) {
                started = arn.equals(after);
                continue;
            }
            if (streams.size() == limit) {
                out.put("LastEvaluatedStreamArn", streams.get(streams.size() - 1).get("StreamArn").asText());
                break;
            }
            streams.addObject().put("StreamArn", arn).put("TableName", name).put("StreamLabel", definition.streamLabel());
        }
        return out;
    }
}
