package io.nagare.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;

/** UpdateTimeToLive: switches expiry on an attribute on or off; expired items are then deleted on the clock. */
final class UpdateTimeToLive implements Operation {

    private final Database database;
    private final TimeToLive timeToLive;

    UpdateTimeToLive(Database database, TimeToLive timeToLive) {
        this.database = database;
        this.timeToLive = timeToLive;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        String name = Requests.tableName(input);
        JsonNode specification = input.get("TimeToLiveSpecification");
        if (specification == null || specification.isNull()) {
            throw Requests.validationErrors("Value null at 'timeToLiveSpecification' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        boolean enabled = specification.path("Enabled").asBoolean();
        String attribute = Requests.text(specification, "AttributeName");
        if (attribute == null || attribute.isEmpty()) {
            throw Requests.validationErrors("Value null at 'timeToLiveSpecification.attributeName' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        Table table = database.catalog().redefine(name, current -> {
            if (enabled && current.ttlAttribute() != null) {
                throw DynamoDbErrors.validation("TimeToLive is already enabled");
            }
            if (!enabled && current.ttlAttribute() == null) {
                throw DynamoDbErrors.validation("TimeToLive is already disabled");
            }
            return current.toBuilder().ttlAttribute(enabled ? attribute : null).build();
        });
        timeToLive.tableChanged(table);
        ObjectNode out = Database.NODES.objectNode();
        out.putObject("TimeToLiveSpecification").put("Enabled", enabled).put("AttributeName", attribute);
        return out;
    }
}
