package io.nagare.orders;

import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.nagare.platform.aws.AwsClients;

/**
 * {@code confirm-order}: {@code {"orderId", "paymentId", "shipmentId"}} → {@code {"orderId", "status": "CONFIRMED"}};
 * publishes OrderConfirmed. Idempotent.
 */
public final class ConfirmOrderHandler implements RequestStreamHandler {

    private final OrderSteps steps;

    public ConfirmOrderHandler() {
        this(OrdersWiring.steps(AwsClients.create()));
    }

    ConfirmOrderHandler(OrderSteps steps) {
        this.steps = steps;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Input request = StepJson.read(OrderSteps.CONFIRM, input, Input.class);
        StepJson.write(OrderSteps.CONFIRM, output,
                steps.confirm(request.orderId(), request.paymentId(), request.shipmentId()));
    }

    record Input(String orderId, String paymentId, String shipmentId) {
    }
}
