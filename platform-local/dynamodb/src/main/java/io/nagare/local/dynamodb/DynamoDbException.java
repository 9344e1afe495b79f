package io.nagare.local.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.runtime.AwsServiceException;

/** A DynamoDB error whose body carries more than a message: the failed item, or a transaction's reasons. */
final class DynamoDbException extends AwsServiceException {

    private final transient ObjectNode extra;

    DynamoDbException(String code, String message, ObjectNode extra) {
        super(code, message);
        this.extra = extra;
    }

    /** Fields to add to the error body, e.g. {@code Item} or {@code CancellationReasons}. */
    ObjectNode extra() {
        return extra;
    }
}
