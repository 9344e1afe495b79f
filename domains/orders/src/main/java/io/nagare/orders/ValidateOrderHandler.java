package io.nagare.orders;

import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.nagare.platform.aws.AwsClients;

/** {@code validate-order}: the saga input → {@code {"orderId", "status": "VALIDATED"}}; fails with
 * {@link OrderInvalidException} listing every problem. Idempotent.
 */
public final class ValidateOrderHandler implements RequestStreamHandler {

    private final OrderSteps steps;

    public ValidateOrderHandler() {
        this(OrdersWiring.validation(AwsClients.create()));
    }

    ValidateOrderHandler(OrderSteps steps) {
        this.steps = steps;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Input request = StepJson.read(OrderSteps.VALIDATE, input, Input.class);
        StepJson.write(OrderSteps.VALIDATE, output, steps.validate(request.orderId()));
    }

    record Input(String orderId) {
    }
}
