package io.nagare.local.lambda.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;

/**
 * A DynamoDB stream consumer: records every batch; a record whose new image has {@code status = poison} is reported
 * as a failed item, one with {@code status = boom} makes the whole invocation throw.
 */
public class StreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    public static final List<DynamodbEvent> BATCHES = new CopyOnWriteArrayList<>();

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        BATCHES.add(event);
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String status = status(record);
            if ("boom".equals(status)) {
                throw new IllegalStateException("cannot project " + record.getDynamodb().getKeys());
            }
            if ("poison".equals(status)) {
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }

    /** The ids (key {@code id}) of every record given, batch after batch. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        BATCHES.forEach(batch -> batch.getRecords().forEach(r -> ids.add(r.getDynamodb().getKeys().get("id").getS())));
        return ids;
    }

    public static List<Integer> batchSizes() {
        return BATCHES.stream().map(b -> b.getRecords().size()).toList();
    }

    private static String status(DynamodbEvent.DynamodbStreamRecord record) {
        if (record.getDynamodb().getNewImage() == null) {
            return null;
        }
        AttributeValue status = record.getDynamodb().getNewImage().get("status");
        return status == null ? null : status.getS();
    }
}
