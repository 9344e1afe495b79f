package io.nagare.local.dynamodb;

import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.LocalServiceFactory;
import io.nagare.local.runtime.RuntimeContext;

/** Adds DynamoDB Streams to the runtime; it reads the streams of the DynamoDB service started before it. */
public final class DynamoDbStreamsServiceFactory implements LocalServiceFactory {

    @Override
    public int order() {
        return 11;
    }

    @Override
    public LocalService create(RuntimeContext context) {
        DynamoDbService dynamoDb = context.service(DynamoDbService.class).orElseThrow(() ->
                new IllegalStateException("DynamoDB Streams needs the DynamoDB service (DynamoDbServiceFactory)"));
        return new DynamoDbStreamsService(dynamoDb.database(), dynamoDb.streamLog());
    }
}
