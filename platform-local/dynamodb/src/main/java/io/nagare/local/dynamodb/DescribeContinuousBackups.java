package io.nagare.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** DescribeContinuousBackups. */
final class DescribeContinuousBackups implements Operation {

    private final Database database;

    DescribeContinuousBackups(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        return describe(database, database.catalog().requireForDescribe(Requests.tableName(input)));
    }

    static ObjectNode describe(Database database, Table table) {
        ObjectNode out = Database.NODES.objectNode();
        ObjectNode description = out.putObject("ContinuousBackupsDescription");
        description.put("ContinuousBackupsStatus", "ENABLED");
        ObjectNode recovery = description.putObject("PointInTimeRecoveryDescription");
        boolean enabled = table.definition().pointInTimeRecovery();
        recovery.put("PointInTimeRecoveryStatus", enabled ? "ENABLED" : "DISABLED");
        if (enabled) {
            long now = database.runtime().clock().now().toEpochMilli();
            recovery.put("EarliestRestorableDateTime", TableDescriptions.seconds(table.definition().createdMillis()));
            recovery.put("LatestRestorableDateTime", TableDescriptions.seconds(now));
        }
        return out;
    }
}
