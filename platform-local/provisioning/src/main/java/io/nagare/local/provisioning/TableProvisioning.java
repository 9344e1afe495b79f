package io.nagare.local.provisioning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.provisioning.ProvisioningReport.Outcome;
import io.nagare.local.provisioning.WireClient.Api;
import io.nagare.local.provisioning.WireClient.ServiceError;
import io.nagare.platform.model.TableDeclaration;
import io.nagare.platform.model.TableDeclaration.Billing;
import io.nagare.platform.model.TableDeclaration.Index;
import io.nagare.platform.model.TableDeclaration.Key;

/**
 * A declared table through the DynamoDB API: CreateTable (keys, indexes, billing, stream) and UpdateTimeToLive when it
 * does not exist; on a table that exists, the global indexes, stream and TTL the declaration adds (UpdateTable,
 * UpdateTimeToLive). Nothing is ever deleted: a changed key schema or a removed index is reported, not applied.
 * Replica regions are the CDK app's concern: the local runtime is one region.
 */
final class TableProvisioning {

    private static final String KIND = "table";

    private final WireClient wire;
    private final ProvisioningReport report;

    TableProvisioning(WireClient wire, ProvisioningReport report) {
        this.wire = wire;
        this.report = report;
    }

    void provision(TableDeclaration table) {
        JsonNode existing = describe(table.name());
        if (existing == null) {
            wire.call(Api.DYNAMODB, "CreateTable", createRequest(table));
            if (table.ttlAttribute() != null) {
                enableTimeToLive(table);
            }
            report.record(KIND, table.name(), Outcome.CREATED, "");
            return;
        }
        List<String> changed = new ArrayList<>();
        checkKeys(table, existing);
        addMissingGlobalIndexes(table, existing, changed);
        updateStream(table, existing, changed);
        updateTimeToLive(table, changed);
        report.record(KIND, table.name(), changed.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED,
                String.join(", ", changed));
    }

    private JsonNode describe(String name) {
        ObjectNode request = wire.request().put("TableName", name);
        try {
            return wire.call(Api.DYNAMODB, "DescribeTable", request).path("Table");
        } catch (ServiceError e) {
            if (e.is("ResourceNotFoundException")) {
                return null;
            }
            throw e;
        }
    }

    private ObjectNode createRequest(TableDeclaration table) {
        ObjectNode request = wire.request().put("TableName", table.name());
        Map<String, Key> attributes = new LinkedHashMap<>();
        keyAttributes(table.partitionKey(), table.sortKey(), attributes);
        request.set("KeySchema", keySchema(table.partitionKey(), table.sortKey()));
        if (!table.globalIndexes().isEmpty()) {
            ArrayNode indexes = request.putArray("GlobalSecondaryIndexes");
            for (Index index : table.globalIndexes()) {
                keyAttributes(index.partitionKey(), index.sortKey(), attributes);
                indexes.add(index(index, table.billing()));
            }
        }
        if (!table.localIndexes().isEmpty()) {
            ArrayNode indexes = request.putArray("LocalSecondaryIndexes");
            for (Index index : table.localIndexes()) {
                Key partitionKey = index.partitionKey() != null ? index.partitionKey() : table.partitionKey();
                keyAttributes(partitionKey, index.sortKey(), attributes);
                indexes.add(index(new Index(index.name(), partitionKey, index.sortKey(), index.projection()), null));
            }
        }
        request.set("AttributeDefinitions", attributeDefinitions(attributes));
        request.put("BillingMode", table.billing().mode().name());
        if (table.billing().mode() == Billing.Mode.PROVISIONED) {
            request.set("ProvisionedThroughput", throughput(table.billing()));
        }
        if (table.stream() != null) {
            request.putObject("StreamSpecification").put("StreamEnabled", true)
                    .put("StreamViewType", table.stream().name());
        }
        return request;
    }

    private void checkKeys(TableDeclaration table, JsonNode existing) {
        JsonNode declared = keySchema(table.partitionKey(), table.sortKey());
        if (!declared.equals(existing.path("KeySchema"))) {
            report.warn("table " + table.name() + ": the declared key schema " + declared + " differs from the "
                    + "existing table's " + existing.path("KeySchema") + "; a key cannot change without deleting the "
                    + "table, so it was left as it is (delete the data directory to start afresh)");
        }
    }

    private void addMissingGlobalIndexes(TableDeclaration table, JsonNode existing, List<String> changed) {
        Set<String> present = new HashSet<>();
        existing.path("GlobalSecondaryIndexes").forEach(index -> present.add(index.path("IndexName").asText()));
        for (Index index : table.globalIndexes()) {
            if (present.remove(index.name())) {
                continue;
            }
            Map<String, Key> attributes = new LinkedHashMap<>();
            keyAttributes(index.partitionKey(), index.sortKey(), attributes);
            ObjectNode request = wire.request().put("TableName", table.name());
            request.set("AttributeDefinitions", attributeDefinitions(attributes));
            request.putArray("GlobalSecondaryIndexUpdates").addObject().set("Create", index(index, table.billing()));
            wire.call(Api.DYNAMODB, "UpdateTable", request);
            changed.add("index " + index.name() + " added");
        }
        for (String undeclared : present) {
            report.warn("table " + table.name() + ": index " + undeclared + " is no longer declared; it was kept");
        }
    }

    private void updateStream(TableDeclaration table, JsonNode existing, List<String> changed) {
        JsonNode stream = existing.path("StreamSpecification");
        boolean enabled = stream.path("StreamEnabled").asBoolean(false);
        if (table.stream() == null) {
            if (enabled) {
                report.warn("table " + table.name() + ": its stream is no longer declared; it was kept");
            }
            return;
        }
        if (!enabled) {
            ObjectNode request = wire.request().put("TableName", table.name());
            request.putObject("StreamSpecification").put("StreamEnabled", true)
                    .put("StreamViewType", table.stream().name());
            wire.call(Api.DYNAMODB, "UpdateTable", request);
            changed.add("stream " + table.stream() + " enabled");
        } else if (!stream.path("StreamViewType").asText().equals(table.stream().name())) {
            report.warn("table " + table.name() + ": its stream shows " + stream.path("StreamViewType").asText()
                    + ", the declaration " + table.stream() + "; changing it means turning the stream off, which"
                    + " ends the records consumers have not read, so it was left as it is");
        }
    }

    private void updateTimeToLive(TableDeclaration table, List<String> changed) {
        if (table.ttlAttribute() == null) {
            return;
        }
        JsonNode ttl = wire.call(Api.DYNAMODB, "DescribeTimeToLive", wire.request().put("TableName", table.name()))
                .path("TimeToLiveDescription");
        String status = ttl.path("TimeToLiveStatus").asText("DISABLED");
        String attribute = ttl.path("AttributeName").asText("");
        if (status.equals("DISABLED")) {
            enableTimeToLive(table);
            changed.add("TTL on " + table.ttlAttribute());
        } else if (!attribute.equals(table.ttlAttribute())) {
            report.warn("table " + table.name() + ": TTL is on attribute " + attribute + ", the declaration names "
                    + table.ttlAttribute() + "; it was left as it is");
        }
    }

    private void enableTimeToLive(TableDeclaration table) {
        ObjectNode request = wire.request().put("TableName", table.name());
        request.putObject("TimeToLiveSpecification").put("AttributeName", table.ttlAttribute()).put("Enabled", true);
        wire.call(Api.DYNAMODB, "UpdateTimeToLive", request);
    }

    private ObjectNode index(Index index, Billing billing) {
        ObjectNode json = wire.request().put("IndexName", index.name());
        json.set("KeySchema", keySchema(index.partitionKey(), index.sortKey()));
        ObjectNode projection = json.putObject("Projection").put("ProjectionType", index.projection().type().name());
        if (!index.projection().nonKeyAttributes().isEmpty()) {
            ArrayNode attributes = projection.putArray("NonKeyAttributes");
            index.projection().nonKeyAttributes().forEach(attributes::add);
        }
        if (billing != null && billing.mode() == Billing.Mode.PROVISIONED) {
            json.set("ProvisionedThroughput", throughput(billing));
        }
        return json;
    }

    private ArrayNode keySchema(Key partitionKey, Key sortKey) {
        ArrayNode schema = WireClient.JSON.createArrayNode();
        schema.addObject().put("AttributeName", partitionKey.name()).put("KeyType", "HASH");
        if (sortKey != null) {
            schema.addObject().put("AttributeName", sortKey.name()).put("KeyType", "RANGE");
        }
        return schema;
    }

    private static void keyAttributes(Key partitionKey, Key sortKey, Map<String, Key> attributes) {
        attributes.putIfAbsent(partitionKey.name(), partitionKey);
        if (sortKey != null) {
            attributes.putIfAbsent(sortKey.name(), sortKey);
        }
    }

    private static ArrayNode attributeDefinitions(Map<String, Key> attributes) {
        ArrayNode definitions = WireClient.JSON.createArrayNode();
        attributes.values().forEach(key -> definitions.addObject()
                .put("AttributeName", key.name()).put("AttributeType", key.type().name()));
        return definitions;
    }

    private ObjectNode throughput(Billing billing) {
        return wire.request().put("ReadCapacityUnits", billing.readCapacityUnits())
                .put("WriteCapacityUnits", billing.writeCapacityUnits());
    }
}
