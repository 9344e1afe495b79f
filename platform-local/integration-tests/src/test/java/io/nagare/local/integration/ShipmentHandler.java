package io.nagare.local.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/**
 * A shipping step fed by an SQS queue, written as Powertools writes batch handlers: it ships each order and reports
 * the ones it cannot ship (order id {@code poison}) as batch item failures, so only they are received again.
 */
public class ShipmentHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            RECEIVED.add(message.getBody());
            if (message.getBody().contains("\"poison\"")) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
