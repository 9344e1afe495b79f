package io.nagare.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** UpdateContinuousBackups: the point-in-time recovery flag (restoring is not supported locally). */
final class UpdateContinuousBackups implements Operation {

    private final Database database;

    UpdateContinuousBackups(Database database) {
        this.database = database;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        String name = Requests.tableName(input);
        JsonNode specification = input.get("PointInTimeRecoverySpecification");
        if (specification == null || specification.isNull()) {
            throw Requests.validationErrors("Value null at 'pointInTimeRecoverySpecification' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        boolean enabled = specification.path("PointInTimeRecoveryEnabled").asBoolean();
        Table table = database.catalog().redefine(name,
                current -> current.toBuilder().pointInTimeRecovery(enabled).build());
        return DescribeContinuousBackups.describe(database, table);
    }
}
