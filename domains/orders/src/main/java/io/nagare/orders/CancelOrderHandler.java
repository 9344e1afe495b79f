package io.nagare.orders;

import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.nagare.platform.aws.AwsClients;

/**
 * {@code cancel-order}: {@code {"orderId", "reason", "detail"}} → {@code {"orderId", "status": "CANCELLED"}};
 * publishes OrderCancelled with the reason. Idempotent.
 */
public final class CancelOrderHandler implements RequestStreamHandler {

    private final OrderSteps steps;

    public CancelOrderHandler() {
        this(OrdersWiring.steps(AwsClients.create()));
    }

    CancelOrderHandler(OrderSteps steps) {
        this.steps = steps;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Input request = StepJson.read(OrderSteps.CANCEL, input, Input.class);
        StepJson.write(OrderSteps.CANCEL, output, steps.cancel(request.orderId(), request.reason(), request.detail()));
    }

    record Input(String orderId, String reason, String detail) {
    }
}
