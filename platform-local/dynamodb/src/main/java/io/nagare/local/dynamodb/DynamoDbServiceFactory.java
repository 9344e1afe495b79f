package io.nagare.local.dynamodb;

import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.LocalServiceFactory;
import io.nagare.local.runtime.RuntimeContext;

/** Adds the local DynamoDB endpoint to the runtime (found with ServiceLoader). */
public final class DynamoDbServiceFactory implements LocalServiceFactory {

    @Override
    public int order() {
        return 10;
    }

    @Override
    public LocalService create(RuntimeContext context) {
        return new DynamoDbService(context);
    }
}
