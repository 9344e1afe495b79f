package io.nagare.shipping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.nagare.platform.aws.AwsClients;

/**
 * {@code carrier-callback}: consumes {@code carrier-events} and reports partial batch failures, so one message that
 * cannot be applied goes back to the queue (and after its receives to {@code carrier-events-dlq}) without the rest.
 */
public final class CarrierCallbackHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final System.Logger LOG = System.getLogger(CarrierCallbackHandler.class.getName());

    private final CarrierCallbacks callbacks;

    public CarrierCallbackHandler() {
        this(ShippingFactory.create(AwsClients.create()).callbacks());
    }

    CarrierCallbackHandler(CarrierCallbacks callbacks) {
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                callbacks.handle(ShippingJson.MAPPER.readTree(message.getBody()));
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "carrier-callback: message " + message.getMessageId()
                        + " goes back to the queue: " + e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
