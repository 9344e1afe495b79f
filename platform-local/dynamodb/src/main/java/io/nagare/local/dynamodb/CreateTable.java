package io.nagare.local.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;

/** CreateTable: keys, GSIs and LSIs with projections, billing, stream, SSE, tags, deletion protection. */
final class CreateTable implements Operation {

    private static final String INVALID = "One or more parameter values were invalid: ";
    static final DateTimeFormatter STREAM_LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final Database database;

    CreateTable(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        TableDefinition definition = read(input);
        Table table = database.catalog().create(definition);
        ObjectNode out = Database.NODES.objectNode();
        out.set("TableDescription", TableDescriptions.describe(database, table, "CREATING"));
        return out;
    }

    private TableDefinition read(ObjectNode input) {
        String name = Requests.tableName(input);
        Map<String, String> types = TableSchemaReader.attributeTypes(input.get("AttributeDefinitions"));
        KeySchema key = TableSchemaReader.keySchema(input.get("KeySchema"), types);
        String billingMode = Requests.choice(input, "BillingMode", "billingMode", "PROVISIONED",
                "PROVISIONED", "PAY_PER_REQUEST");
        long read = 0;
        long write = 0;
        JsonNode throughput = input.get("ProvisionedThroughput");
        boolean hasThroughput = throughput != null && !throughput.isNull();
        if (billingMode.equals("PAY_PER_REQUEST")) {
            if (hasThroughput) {
                throw DynamoDbErrors.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                        + "specified when BillingMode is PAY_PER_REQUEST");
            }
        } else {
            if (!hasThroughput || !throughput.has("ReadCapacityUnits") || !throughput.has("WriteCapacityUnits")) {
                throw DynamoDbErrors.validation(INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be "
                        + "specified when BillingMode is PROVISIONED");
            }
            read = throughput.get("ReadCapacityUnits").asLong();
            write = throughput.get("WriteCapacityUnits").asLong();
        }
        List<IndexDefinition> locals = indexes(input.get("LocalSecondaryIndexes"), false, types, key, billingMode);
        List<IndexDefinition> globals = indexes(input.get("GlobalSecondaryIndexes"), true, types, key, billingMode);
        if (!locals.isEmpty() && !key.hasSort()) {
            throw DynamoDbErrors.validation(INVALID + "Table KeySchema does not have a range key, which is required "
                    + "when specifying a LocalSecondaryIndex");
        }
        if (locals.size() > 5) {
            throw DynamoDbErrors.validation(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
        }
        if (globals.size() > 20) {
            throw DynamoDbErrors.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
        }
        Set<String> indexNames = new HashSet<>();
        Set<String> keyAttributes = new HashSet<>();
        keyAttributes.add(key.partitionName());
        if (key.hasSort()) {
            keyAttributes.add(key.sortName());
        }
        for (IndexDefinition index : concat(locals, globals)) {
            if (!indexNames.add(index.name())) {
                throw DynamoDbErrors.validation(INVALID + "Duplicate index name: " + index.name());
            }
            keyAttributes.add(index.key().partitionName());
            if (index.key().hasSort()) {
                keyAttributes.add(index.key().sortName());
            }
        }
        if (keyAttributes.size() != types.size()) {
            throw DynamoDbErrors.validation(INVALID + "Number of attributes in KeySchema does not exactly match number "
                    + "of attributes defined in AttributeDefinitions");
        }
        long now = database.runtime().clock().now().toEpochMilli();
        String streamViewType = StreamSpecifications.viewType(input.get("StreamSpecification"));
        String label = streamViewType == null ? null : STREAM_LABEL.format(Instant.ofEpochMilli(now));
        JsonNode sse = input.get("SSESpecification");
        boolean sseEnabled = sse != null && sse.path("Enabled").asBoolean(false);
        String tableClass = Requests.choice(input, "TableClass", "tableClass", "STANDARD",
                "STANDARD", "STANDARD_INFREQUENT_ACCESS");
        return new TableDefinition(name, database.catalog().nextId(), now, key, types, globals, locals, billingMode,
                read, write, streamViewType, label, sseEnabled, Requests.bool(input, "DeletionProtectionEnabled", false),
                null, false, Tags.read(input.get("Tags")), tableClass);
    }

    private static List<IndexDefinition> indexes(JsonNode nodes, boolean global, Map<String, String> types,
                                                 KeySchema key, String billingMode) {
        List<IndexDefinition> indexes = new ArrayList<>();
        if (nodes == null || nodes.isNull()) {
            return indexes;
        }
        if (nodes.isEmpty()) {
            throw DynamoDbErrors.validation(INVALID + "List of " + (global ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes")
                    + " is empty");
        }
        for (JsonNode node : nodes) {
            indexes.add(TableSchemaReader.index(node, global, types, key, billingMode));
        }
        return indexes;
    }

    private static List<IndexDefinition> concat(List<IndexDefinition> a, List<IndexDefinition> b) {
        List<IndexDefinition> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
