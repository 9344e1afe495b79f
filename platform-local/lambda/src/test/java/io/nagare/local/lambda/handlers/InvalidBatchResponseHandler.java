package io.nagare.local.lambda.handlers;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/** Reports a failed item that is not in its batch, which Lambda takes as the whole batch failing. */
public class InvalidBatchResponseHandler implements RequestHandler<SQSEvent, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(SQSEvent event, Context context) {
        return Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "not-a-message-of-this-batch")));
    }
}
