package io.nagare.local.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.expression.Condition;
import io.nagare.local.dynamodb.internal.expression.ExpressionAttributes;
import io.nagare.local.dynamodb.internal.expression.Expressions;

/** The parts every item write shares: its ConditionExpression and ReturnValuesOnConditionCheckFailure. */
final class WriteOptions {

    private WriteOptions() {
    }

    static Condition condition(ObjectNode input, ExpressionAttributes attributes) {
        String text = Requests.text(input, "ConditionExpression");
        return text == null ? null : Expressions.condition(text, "ConditionExpression", attributes);
    }

    static boolean returnItemOnFailure(ObjectNode input) {
        return Requests.choice(input, "ReturnValuesOnConditionCheckFailure", "returnValuesOnConditionCheckFailure",
                "NONE", "ALL_OLD", "NONE").equals("ALL_OLD");
    }

    /** ReturnValues for PutItem and DeleteItem, which only know NONE and ALL_OLD. */
    static boolean returnOld(ObjectNode input) {
        String value = Requests.text(input, "ReturnValues");
        if (value == null || value.equals("NONE")) {
            return false;
        }
        if (value.equals("ALL_OLD")) {
            return true;
        }
        Requests.choice(input, "ReturnValues", "returnValues", "NONE",
                "ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");
        throw io.nagare.local.dynamodb.internal.item.DynamoDbErrors.validation("ReturnValues can only be ALL_OLD or NONE");
    }
}
