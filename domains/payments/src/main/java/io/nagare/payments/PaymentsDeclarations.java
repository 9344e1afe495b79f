package io.nagare.payments;

import io.nagare.events.payments.v1.PaymentAuthorized;
import io.nagare.events.payments.v1.PaymentCaptured;
import io.nagare.events.payments.v1.PaymentDeclined;
import io.nagare.events.payments.v1.PaymentRefunded;
import io.nagare.events.payments.v1.PaymentVoided;
import io.nagare.platform.circuitbreaker.DynamoDbCircuitBreakerStore;
import io.nagare.platform.idempotency.DynamoDbIdempotencyStore;
import io.nagare.platform.model.FunctionDeclaration;
import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.TableDeclaration;

/**
 * What payments runs (docs/order-process.md): the {@code payments} table, its circuit breaker and idempotency tables,
 * and the four steps the order-fulfilment saga invokes. The bus {@code nagare} is the platform's.
 */
public final class PaymentsDeclarations implements PlatformDeclarations {

    public static final String PAYMENTS_TABLE = "payments";
    public static final String CIRCUIT_BREAKER_TABLE = "payments-circuit-breakers";
    public static final String IDEMPOTENCY_TABLE = "payments-idempotency";
    public static final String BUS = "nagare";
    /** The payment provider's base URL; the default is the local simulator's. */
    public static final String GATEWAY_URL = "PAYMENT_GATEWAY_URL";
    public static final String LOCAL_GATEWAY_URL = "http://localhost:8090/payment-gateway";
    static final int FUNCTION_TIMEOUT_SECONDS = 30;

    @Override
    public String owner() {
        return "payments";
    }

    @Override
    public void declare(PlatformModel.Builder model) {
        model.table(PAYMENTS_TABLE, t -> t.partitionKey("orderId", TableDeclaration.AttributeType.S));
        model.table(CIRCUIT_BREAKER_TABLE, DynamoDbCircuitBreakerStore::declareTable);
        model.table(IDEMPOTENCY_TABLE, DynamoDbIdempotencyStore::declareTable);

        step(model, "authorize-payment", AuthorizePaymentHandler.class, PaymentAuthorized.DETAIL_TYPE,
                PaymentDeclined.DETAIL_TYPE);
        step(model, "capture-payment", CapturePaymentHandler.class, PaymentCaptured.DETAIL_TYPE);
        step(model, "void-payment", VoidPaymentHandler.class, PaymentVoided.DETAIL_TYPE);
        step(model, "refund-payment", RefundPaymentHandler.class, PaymentRefunded.DETAIL_TYPE);
    }

    private static void step(PlatformModel.Builder model, String name, Class<?> handler, String... publishes) {
        model.function(name, (FunctionDeclaration.Builder f) -> f
                .handler(handler)
                .timeoutSeconds(FUNCTION_TIMEOUT_SECONDS)
                .readsAndWrites(PAYMENTS_TABLE, CIRCUIT_BREAKER_TABLE, IDEMPOTENCY_TABLE)
                .publishes(BUS, publishes)
                .environment(GATEWAY_URL, LOCAL_GATEWAY_URL));
    }
}
