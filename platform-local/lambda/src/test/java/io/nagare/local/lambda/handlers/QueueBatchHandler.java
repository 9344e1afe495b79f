package io.nagare.local.lambda.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/**
 * An SQS consumer as Powertools writes them: it records every batch and reports the messages whose body contains
 * {@code poison} as failed items. With {@link #fail} set it throws instead.
 */
public class QueueBatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    public static final List<SQSEvent> BATCHES = new CopyOnWriteArrayList<>();
    public static volatile boolean fail;

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        BATCHES.add(event);
        if (fail) {
            throw new IllegalStateException("database unavailable");
        }
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            if (message.getBody().contains("poison")) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** Every body the function has been given, in order, across batches. */
    public static List<String> bodies() {
        List<String> bodies = new ArrayList<>();
        BATCHES.forEach(batch -> batch.getRecords().forEach(m -> bodies.add(m.getBody())));
        return bodies;
    }

    public static void reset() {
        BATCHES.clear();
        fail = false;
    }
}
