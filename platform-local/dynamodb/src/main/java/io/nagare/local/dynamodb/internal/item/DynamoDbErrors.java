package io.nagare.local.dynamodb.internal.item;

import io.nagare.local.runtime.AwsServiceException;

/** DynamoDB's error codes, so every class raises them the same way. */
public final class DynamoDbErrors {

    private DynamoDbErrors() {
    }

    public static AwsServiceException validation(String message) {
        return new AwsServiceException("ValidationException", message);
    }

    public static AwsServiceException serialization(String message) {
        return new AwsServiceException("SerializationException", message);
    }

    public static AwsServiceException resourceNotFound(String message) {
        return new AwsServiceException("ResourceNotFoundException", message);
    }

    public static AwsServiceException resourceInUse(String message) {
        return new AwsServiceException("ResourceInUseException", message);
    }

    /** For what this local endpoint deliberately does not do; the message names the feature. */
    public static AwsServiceException notSupported(String feature) {
        return validation("not supported: " + feature);
    }
}
