package io.nagare.orders;

import java.util.ArrayList;
import java.util.List;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.nagare.platform.aws.AwsClients;

/**
 * {@code accept-order}: consumes {@code order-intake}, whose messages are OrderPlaced events as EventBridge delivers
 * them; records each order and starts its saga. A message that fails is reported alone (partial batch failure), so
 * SQS redelivers it and, after the queue's receive limit, moves it to {@code order-intake-dlq}.
 */
public final class AcceptOrderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final OrderIntake intake;

    public AcceptOrderHandler() {
        this(OrdersWiring.intake(AwsClients.create()));
    }

    AcceptOrderHandler(OrderIntake intake) {
        this.intake = intake;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : messages) {
            try {
                intake.accept(message.getBody());
            } catch (RuntimeException e) {
                if (context != null) {
                    context.getLogger().log("accept-order: message " + message.getMessageId() + " failed: " + e + "\n");
                }
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
