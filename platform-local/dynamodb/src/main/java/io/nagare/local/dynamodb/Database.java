package io.nagare.local.dynamodb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nagare.local.runtime.RuntimeContext;

/** What every operation works on: the tables, the item write path, and the runtime (region, account, clock). */
record Database(TableCatalog catalog, ItemWrites writes, RuntimeContext runtime) {

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    String tableArn(String tableName) {
        return "arn:aws:dynamodb:" + runtime.region() + ":" + runtime.accountId() + ":table/" + tableName;
    }

    /** The table an ARN names (TagResource and friends), with DynamoDB's message when it names none. */
    Table tableByArn(String arn) {
        String prefix = "arn:aws:dynamodb:" + runtime.region() + ":" + runtime.accountId() + ":table/";
        if (arn == null || !arn.startsWith(prefix) || arn.substring(prefix.length()).contains("/")) {
            throw io.nagare.local.dynamodb.internal.item.DynamoDbErrors.resourceNotFound(
                    "Requested resource not found: ResourcArn: " + arn + " not found");
        }
        return catalog.find(arn.substring(prefix.length())).orElseThrow(() ->
                io.nagare.local.dynamodb.internal.item.DynamoDbErrors.resourceNotFound(
                        "Requested resource not found: ResourcArn: " + arn + " not found"));
    }
}
