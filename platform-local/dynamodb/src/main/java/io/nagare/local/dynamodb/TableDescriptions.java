package io.nagare.local.dynamodb;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Shapes a table as DescribeTable (and CreateTable, DeleteTable, UpdateTable) answer it. */
final class TableDescriptions {

    private TableDescriptions() {
    }

    static ObjectNode describe(Database database, Table table, String status) {
        TableDefinition d = table.definition();
        ObjectNode out = Database.NODES.objectNode();
        ArrayNode attributes = out.putArray("AttributeDefinitions");
        d.attributeTypes().forEach((name, type) ->
                attributes.addObject().put("AttributeName", name).put("AttributeType", type));
        out.put("TableName", d.name());
        out.set("KeySchema", keySchema(d.key()));
        out.put("TableStatus", status);
        out.put("CreationDateTime", seconds(d.createdMillis()));
        out.set("ProvisionedThroughput", throughput(d.readCapacity(), d.writeCapacity()));
        boolean active = status.equals("ACTIVE");
        java.time.Instant now = database.runtime().clock().now();
        out.put("TableSizeBytes", active ? TableStatistics.tableBytes(table, now) : 0);
        out.put("ItemCount", active ? table.itemCount() : 0);
        String arn = database.tableArn(d.name());
        out.put("TableArn", arn);
        out.put("TableId", UUID.nameUUIDFromBytes((d.name() + "/" + d.id()).getBytes(StandardCharsets.UTF_8)).toString());
        if (d.billingMode().equals("PAY_PER_REQUEST")) {
            out.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", seconds(d.createdMillis()));
        }
        if (!d.localIndexes().isEmpty()) {
            ArrayNode indexes = out.putArray("LocalSecondaryIndexes");
            for (IndexDefinition index : d.localIndexes()) {
                indexes.add(index(index, arn, table, false, active, now));
            }
        }
        if (!d.globalIndexes().isEmpty()) {
            ArrayNode indexes = out.putArray("GlobalSecondaryIndexes");
            for (IndexDefinition index : d.globalIndexes()) {
                ObjectNode node = index(index, arn, table, true, active, now);
                indexes.add(node);
            }
        }
        if (d.streamEnabled()) {
            out.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", d.streamViewType());
        }
        if (d.streamLabel() != null) {
            out.put("LatestStreamLabel", d.streamLabel());
            out.put("LatestStreamArn", streamArn(database, d.name(), d.streamLabel()));
        }
        if (d.sseEnabled()) {
            out.putObject("SSEDescription").put("Status", "ENABLED").put("SSEType", "KMS")
                    .put("KMSMasterKeyArn", "arn:aws:kms:" + database.runtime().region() + ":"
                            + database.runtime().accountId() + ":key/00000000-0000-0000-0000-000000000000");
        }
        out.putObject("TableClassSummary").put("TableClass", d.tableClass());
        out.put("DeletionProtectionEnabled", d.deletionProtection());
        return out;
    }

    static String streamArn(Database database, String tableName, String label) {
        return database.tableArn(tableName) + "/stream/" + label;
    }

    private static ObjectNode index(IndexDefinition index, String tableArn, Table table, boolean global,
                                    boolean active, java.time.Instant now) {
        ObjectNode node = Database.NODES.objectNode();
        node.put("IndexName", index.name());
        node.set("KeySchema", keySchema(index.key()));
        ObjectNode projection = node.putObject("Projection").put("ProjectionType", index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            ArrayNode nonKey = projection.putArray("NonKeyAttributes");
            index.nonKeyAttributes().forEach(nonKey::add);
        }
        if (global) {
            node.put("IndexStatus", "ACTIVE");
            node.set("ProvisionedThroughput", throughput(index.readCapacity(), index.writeCapacity()));
        }
        var map = table.index(index.name());
        node.put("IndexSizeBytes", active ? TableStatistics.indexBytes(table, index.name(), now) : 0);
        node.put("ItemCount", map == null ? 0 : map.sizeAsLong());
        node.put("IndexArn", tableArn + "/index/" + index.name());
        return node;
    }

    static ArrayNode keySchema(KeySchema key) {
        ArrayNode schema = Database.NODES.arrayNode();
        schema.addObject().put("AttributeName", key.partitionName()).put("KeyType", "HASH");
        if (key.hasSort()) {
            schema.addObject().put("AttributeName", key.sortName()).put("KeyType", "RANGE");
        }
        return schema;
    }

    private static ObjectNode throughput(long read, long write) {
        return Database.NODES.objectNode().put("NumberOfDecreasesToday", 0)
                .put("ReadCapacityUnits", read).put("WriteCapacityUnits", write);
    }

    static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis).movePointLeft(3);
    }
}
