package io.nagare.api.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code partners} table: one item per OAuth client, {@value #CLIENT_ID} (S, the key), {@value #SOURCES} and
 * {@value #TYPES} (L of S), {@value #RATE_LIMIT_PER_MINUTE} (N). Secrets are not kept here: only the token issuer
 * knows them, the API only needs to know what a client may publish.
 */
public final class PartnersTable {

    public static final String CLIENT_ID = "clientId";
    public static final String SOURCES = "sources";
    public static final String TYPES = "types";
    public static final String RATE_LIMIT_PER_MINUTE = "rateLimitPerMinute";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public PartnersTable(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The client's grant, or empty when it is not a registered partner. Read consistently: grants change rarely. */
    public Optional<PartnerGrant> find(String clientId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tableName).consistentRead(true)
                .key(Map.of(CLIENT_ID, AttributeValue.fromS(clientId)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PartnerGrant(clientId, strings(item.get(SOURCES)), strings(item.get(TYPES)),
                Integer.parseInt(item.get(RATE_LIMIT_PER_MINUTE).n())));
    }

    public void put(PartnerGrant grant) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CLIENT_ID, AttributeValue.fromS(grant.clientId()));
        item.put(SOURCES, AttributeValue.fromL(grant.sources().stream().map(AttributeValue::fromS).toList()));
        item.put(TYPES, AttributeValue.fromL(grant.types().stream().map(AttributeValue::fromS).toList()));
        item.put(RATE_LIMIT_PER_MINUTE, AttributeValue.fromN(Integer.toString(grant.rateLimitPerMinute())));
        dynamoDb.putItem(b -> b.tableName(tableName).item(item));
    }

    /**
     * The grant as a DynamoDB item in the wire format ({@code {"clientId": {"S": ...}, ...}}), for a writer that speaks
     * the DynamoDB JSON protocol without the SDK (the local gateway, in-process).
     */
    public static ObjectNode itemJson(PartnerGrant grant) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode item = json.objectNode();
        item.set(CLIENT_ID, json.objectNode().put("S", grant.clientId()));
        item.set(SOURCES, json.objectNode().set("L", stringList(grant.sources())));
        item.set(TYPES, json.objectNode().set("L", stringList(grant.types())));
        item.set(RATE_LIMIT_PER_MINUTE, json.objectNode().put("N", Integer.toString(grant.rateLimitPerMinute())));
        return item;
    }

    private static ArrayNode stringList(List<String> values) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        values.forEach(value -> list.add(JsonNodeFactory.instance.objectNode().put("S", value)));
        return list;
    }

    private static List<String> strings(AttributeValue value) {
        List<String> values = new ArrayList<>();
        if (value != null && value.hasL()) {
            value.l().forEach(element -> values.add(element.s()));
        }
        return values;
    }
}
