package io.nagare.local.sqs;

import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.LocalServiceFactory;
import io.nagare.local.runtime.RuntimeContext;

/**
 * Creates the local SQS service; found with ServiceLoader. It takes the default order, before EventBridge, which
 * resumes deliveries to queues as it starts.
 */
public final class SqsServiceFactory implements LocalServiceFactory {

    @Override
    public LocalService create(RuntimeContext context) {
        return new SqsService(context);
    }
}
