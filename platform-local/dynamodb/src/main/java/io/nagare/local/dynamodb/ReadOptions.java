package io.nagare.local.dynamodb;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.expression.Condition;
import io.nagare.local.dynamodb.internal.expression.DocumentPath;
import io.nagare.local.dynamodb.internal.expression.ExpressionAttributes;
import io.nagare.local.dynamodb.internal.expression.Expressions;
import io.nagare.local.dynamodb.internal.expression.Projection;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;

/** The parameters Query and Scan share: index, Select, ProjectionExpression, FilterExpression, Limit, consistency. */
record ReadOptions(ReadTarget target, Condition filter, Projection projection, boolean countOnly, boolean fromTable,
                   Integer limit, boolean consistent) {

    /** Reads the shared parameters; {@code keyCondition} is the Query's, parsed against the same attributes. */
    static ReadOptions read(Database database, ObjectNode input, String keyConditionText, Condition[] keyCondition) {
        Requests.refuseLegacy(input);
        String tableName = Requests.tableName(input);
        String indexName = Requests.optionalName(input, "IndexName", "indexName");
        String select = Requests.choice(input, "Select", "select", null,
                "SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES");
        Integer limit = Requests.limit(input);
        boolean consistent = Requests.bool(input, "ConsistentRead", false);
        String filterText = Requests.text(input, "FilterExpression");
        String projectionText = Requests.text(input, "ProjectionExpression");
        ExpressionAttributes attributes = Requests.expressionAttributes(input,
                filterText != null || projectionText != null || keyConditionText != null);
        if (keyConditionText != null) {
            keyCondition[0] = Expressions.condition(keyConditionText, "KeyConditionExpression", attributes);
        }
        Condition filter = filterText == null ? null : Expressions.condition(filterText, "FilterExpression", attributes);
        Projection projection = projectionText == null ? null : Expressions.projection(projectionText, attributes);
        attributes.checkAllUsed();
        if (projection != null && select != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoDbErrors.validation("Cannot specify the ProjectionExpression when choosing to get "
                    + (select.equals("COUNT") ? "only the Count" : select));
        }
        Table table = database.catalog().require(tableName);
        ReadTarget target = ReadTarget.of(table, indexName);
        IndexDefinition index = target.index();
        if (index != null && index.global() && consistent) {
            throw DynamoDbErrors.validation("Consistent reads are not supported on global secondary indexes");
        }
        boolean fromTable = false;
        if (index != null && !index.projectionType().equals("ALL")) {
            boolean wantsAll = "ALL_ATTRIBUTES".equals(select);
            boolean wantsUnprojected = projection != null && !projected(projection, index, table.key());
            if (wantsAll && index.global()) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES "
                        + "is not supported for global secondary index " + index.name()
                        + " because its projection type is not ALL");
            }
            fromTable = !index.global() && (wantsAll || wantsUnprojected);
        }
        return new ReadOptions(target, filter, projection, "COUNT".equals(select), fromTable, limit, consistent);
    }

    private static boolean projected(Projection projection, IndexDefinition index, KeySchema tableKey) {
        for (DocumentPath path : projection.paths()) {
            if (!index.projects(path.head(), tableKey)) {
                return false;
            }
        }
        return true;
    }

    /** The top-level attributes a filter reads. */
    static List<String> filterAttributes(Condition filter) {
        List<String> heads = new ArrayList<>();
        filter.paths(path -> heads.add(path.head()));
        return heads;
    }
}
