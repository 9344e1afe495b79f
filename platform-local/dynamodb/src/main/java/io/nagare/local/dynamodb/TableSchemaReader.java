package io.nagare.local.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;

/** Reads AttributeDefinitions, KeySchema and index definitions of CreateTable / UpdateTable, as DynamoDB checks them. */
final class TableSchemaReader {

    private static final String INVALID = "One or more parameter values were invalid: ";

    private TableSchemaReader() {
    }

    static Map<String, String> attributeTypes(JsonNode definitions) {
        if (definitions == null || !definitions.isArray()) {
            throw Requests.validationErrors("Value null at 'attributeDefinitions' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode definition : definitions) {
            String type = Requests.text(definition, "AttributeType");
            if (!"S".equals(type) && !"N".equals(type) && !"B".equals(type)) {
                throw Requests.validationErrors("Value '" + type + "' at 'attributeDefinitions.1.member.attributeType' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            }
            types.put(Requests.text(definition, "AttributeName"), type);
        }
        return types;
    }

    /** A KeySchema list: HASH first, then an optional RANGE, both defined in {@code types}. */
    static KeySchema keySchema(JsonNode schema, Map<String, String> types) {
        if (schema == null || !schema.isArray() || schema.isEmpty()) {
            throw Requests.validationErrors("Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
        }
        if (schema.size() > 2) {
            throw Requests.validationErrors("Value '" + schema + "' at 'keySchema' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 2");
        }
        List<String> names = new ArrayList<>();
        schema.forEach(element -> names.add(Requests.text(element, "AttributeName")));
        for (String name : names) {
            if (!types.containsKey(name)) {
                throw DynamoDbErrors.validation(INVALID + "Some index key attributes are not defined in "
                        + "AttributeDefinitions. Keys: " + names + ", AttributeDefinitions: " + new ArrayList<>(types.keySet()));
            }
        }
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw DynamoDbErrors.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!"HASH".equals(Requests.text(schema.get(0), "KeyType"))) {
            throw DynamoDbErrors.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (names.size() == 2 && !"RANGE".equals(Requests.text(schema.get(1), "KeyType"))) {
            throw DynamoDbErrors.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        String sort = names.size() == 2 ? names.get(1) : null;
        return new KeySchema(names.get(0), AttributeValue.Type.valueOf(types.get(names.get(0))), sort,
                sort == null ? null : AttributeValue.Type.valueOf(types.get(sort)));
    }

    static IndexDefinition index(JsonNode node, boolean global, Map<String, String> types, KeySchema tableKey,
                                 String billingMode) {
        String name = Requests.name(node, "IndexName", "indexName");
        KeySchema key = keySchema(node.get("KeySchema"), types);
        if (!global) {
            if (!key.hasSort()) {
                throw DynamoDbErrors.validation(INVALID + "Index KeySchema does not have a range key for index: " + name);
            }
            if (!key.partitionName().equals(tableKey.partitionName())) {
                throw DynamoDbErrors.validation(INVALID + "Index KeySchema does not have the same leading hash key as "
                        + "table KeySchema for index: " + name + ". index hash key: " + key.partitionName()
                        + ", table hash key: " + tableKey.partitionName());
            }
        }
        JsonNode projection = node.get("Projection");
        String projectionType = projection == null ? null : Requests.text(projection, "ProjectionType");
        if (projectionType == null) {
            throw DynamoDbErrors.validation(INVALID + "Unknown ProjectionType: null");
        }
        if (!List.of("ALL", "KEYS_ONLY", "INCLUDE").contains(projectionType)) {
            throw Requests.validationErrors("Value '" + projectionType + "' at 'projection.projectionType' failed to "
                    + "satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
        }
        List<String> nonKey = new ArrayList<>();
        JsonNode nonKeyNode = projection.get("NonKeyAttributes");
        if (nonKeyNode != null && !nonKeyNode.isNull()) {
            if (!projectionType.equals("INCLUDE")) {
                throw DynamoDbErrors.validation(INVALID + "ProjectionType is " + projectionType
                        + ", but NonKeyAttributes is specified");
            }
            nonKeyNode.forEach(attribute -> nonKey.add(attribute.asText()));
        }
        long read = 0;
        long write = 0;
        JsonNode throughput = node.get("ProvisionedThroughput");
        if (throughput != null && !throughput.isNull()) {
            if ("PAY_PER_REQUEST".equals(billingMode)) {
                throw DynamoDbErrors.validation(INVALID + "ProvisionedThroughput should not be specified for index: "
                        + name + " when BillingMode is PAY_PER_REQUEST");
            }
            read = throughput.path("ReadCapacityUnits").asLong();
            write = throughput.path("WriteCapacityUnits").asLong();
        }
        return new IndexDefinition(name, global, key, projectionType, nonKey, read, write);
    }
}
