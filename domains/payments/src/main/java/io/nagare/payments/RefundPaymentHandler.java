package io.nagare.payments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.nagare.platform.aws.AwsClients;

/**
 * The {@code refund-payment} step (docs/order-process.md). A stream handler, so amounts stay exact decimals from the saga's
 * JSON to the provider.
 */
public final class RefundPaymentHandler implements RequestStreamHandler {

    private final PaymentService payments;

    public RefundPaymentHandler() {
        this(PaymentServiceFactory.create(AwsClients.create()));
    }

    RefundPaymentHandler(PaymentService payments) {
        this.payments = Objects.requireNonNull(payments, "payments");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        StepJson.write(output, payments.refund(StepJson.read(input, PaymentService.OrderInput.class, "refund-payment")));
    }
}
