package io.nagare.local.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;

/**
 * UpdateTable: create, delete or re-provision GSIs (a new index is filled before the call answers), switch the
 * stream on or off, change billing, deletion protection and table class.
 */
final class UpdateTable implements Operation {

    private static final String INVALID = "One or more parameter values were invalid: ";

    private final Database database;

    UpdateTable(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        String name = Requests.tableName(input);
        if (Requests.has(input, "ReplicaUpdates")) {
            throw DynamoDbErrors.notSupported("global table replicas (ReplicaUpdates)");
        }
        database.catalog().requireForDescribe(name);
        Table table = database.catalog().redefine(name, current -> change(current, input));
        ObjectNode out = Database.NODES.objectNode();
        out.set("TableDescription", TableDescriptions.describe(database, table, "UPDATING"));
        return out;
    }

    private TableDefinition change(TableDefinition current, ObjectNode input) {
        TableDefinition.Builder next = current.toBuilder();
        Map<String, String> types = new LinkedHashMap<>(current.attributeTypes());
        if (Requests.has(input, "AttributeDefinitions")) {
            types.putAll(TableSchemaReader.attributeTypes(input.get("AttributeDefinitions")));
        }
        String billingMode = Requests.choice(input, "BillingMode", "billingMode", current.billingMode(),
                "PROVISIONED", "PAY_PER_REQUEST");
        long read = current.readCapacity();
        long write = current.writeCapacity();
        JsonNode throughput = input.get("ProvisionedThroughput");
        if (throughput != null && !throughput.isNull()) {
            if (billingMode.equals("PAY_PER_REQUEST")) {
                throw DynamoDbErrors.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                        + "specified when BillingMode is PAY_PER_REQUEST");
            }
            read = throughput.path("ReadCapacityUnits").asLong(read);
            write = throughput.path("WriteCapacityUnits").asLong(write);
        } else if (billingMode.equals("PAY_PER_REQUEST")) {
            read = 0;
            write = 0;
        }
        next.billing(billingMode, read, write);
        List<IndexDefinition> globals = new ArrayList<>(current.globalIndexes());
        JsonNode updates = input.get("GlobalSecondaryIndexUpdates");
        if (updates != null && updates.isArray()) {
            for (JsonNode update : updates) {
                applyIndexUpdate(update, globals, types, current, billingMode);
            }
        }
        next.globalIndexes(globals).attributeTypes(usedTypes(types, current, globals));
        if (Requests.has(input, "StreamSpecification")) {
            JsonNode specification = input.get("StreamSpecification");
            String viewType = StreamSpecifications.viewType(specification);
            if (viewType != null && current.streamEnabled()) {
                throw DynamoDbErrors.validation("Table already has an enabled stream: "
                        + TableDescriptions.streamArn(database, current.name(), current.streamLabel()));
            }
            if (viewType == null && !current.streamEnabled()) {
                throw DynamoDbErrors.validation("Table already has no stream enabled");
            }
            String label = viewType == null ? current.streamLabel()
                    : CreateTable.STREAM_LABEL.format(Instant.ofEpochMilli(database.runtime().clock().now().toEpochMilli()));
            next.stream(viewType, label);
        }
        if (Requests.has(input, "DeletionProtectionEnabled")) {
            next.deletionProtection(input.get("DeletionProtectionEnabled").asBoolean());
        }
        if (Requests.has(input, "TableClass")) {
            next.tableClass(Requests.choice(input, "TableClass", "tableClass", null, "STANDARD",
                    "STANDARD_INFREQUENT_ACCESS"));
        }
        return next.build();
    }

    private static void applyIndexUpdate(JsonNode update, List<IndexDefinition> globals, Map<String, String> types,
                                         TableDefinition current, String billingMode) {
        JsonNode create = update.get("Create");
        JsonNode delete = update.get("Delete");
        JsonNode change = update.get("Update");
        if (create != null && !create.isNull()) {
            IndexDefinition index = TableSchemaReader.index(create, true, types, current.key(), billingMode);
            if (current.index(index.name()).isPresent()) {
                throw DynamoDbErrors.validation(INVALID + "Index already exists: " + index.name());
            }
            globals.add(index);
        } else if (delete != null && !delete.isNull()) {
            String name = delete.path("IndexName").asText();
            if (!globals.removeIf(index -> index.name().equals(name))) {
                throw DynamoDbErrors.resourceNotFound("Requested resource not found: Index: " + name
                        + " not found for table: " + current.name());
            }
        } else if (change != null && !change.isNull()) {
            String name = change.path("IndexName").asText();
            JsonNode throughput = change.get("ProvisionedThroughput");
            boolean found = false;
            for (int i = 0; i < globals.size(); i++) {
                IndexDefinition index = globals.get(i);
                if (index.name().equals(name)) {
                    globals.set(i, new IndexDefinition(name, true, index.key(), index.projectionType(),
                            index.nonKeyAttributes(), throughput.path("ReadCapacityUnits").asLong(),
                            throughput.path("WriteCapacityUnits").asLong()));
                    found = true;
                }
            }
            if (!found) {
                throw DynamoDbErrors.resourceNotFound("Requested resource not found: Index: " + name
                        + " not found for table: " + current.name());
            }
        }
    }

    /** DynamoDB keeps exactly the definitions some key uses. */
    private static Map<String, String> usedTypes(Map<String, String> types, TableDefinition current,
                                                 List<IndexDefinition> globals) {
        Map<String, String> used = new LinkedHashMap<>();
        List<KeySchema> keys = new ArrayList<>();
        keys.add(current.key());
        globals.forEach(index -> keys.add(index.key()));
        current.localIndexes().forEach(index -> keys.add(index.key()));
        types.forEach((name, type) -> {
            for (KeySchema key : keys) {
                if (key.isKeyAttribute(name)) {
                    used.put(name, type);
                }
            }
        });
        return used;
    }
}
