package io.nagare.sagas.orderfulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.stepfunctions.testing.SagaRun;
import io.nagare.local.stepfunctions.testing.SagaTestKit;

/**
 * The order-fulfilment saga on the local engine with Step Functions Local's mock config
 * ({@code src/test/resources/order-fulfilment-mocks.json}): each test asserts the states entered, the functions called
 * (compensations included) and how the execution ended. The carrier's callbacks and the shipment wait's timeouts are
 * played on the kit's manual clock.
 */
class OrderFulfilmentSagaTest {

    private static final String ORDER = """
            {"orderId": "o-1", "customerId": "c-1", "currency": "EUR", "total": 39.80,
             "lines": [{"sku": "TEA-SENCHA-100G", "quantity": 2, "unitPrice": 19.90}],
             "shippingAddress": {"name": "Aiko Tanaka", "line1": "1-2-3 Gion", "city": "Kyoto", "postalCode": "605-0001",
                                 "country": "JP"},
             "placedAt": "2026-11-28T09:15:00Z", "eventId": "e-1"}""";
    private static final String ORDER_WITHOUT_ADDRESS = """
            {"orderId": "o-1", "customerId": "c-1", "currency": "EUR", "total": 39.80,
             "lines": [{"sku": "TEA-SENCHA-100G", "quantity": 2, "unitPrice": 19.90}],
             "placedAt": "2026-11-28T09:15:00Z", "eventId": "e-1"}""";
    private static final String DISPATCHED = """
            {"shipmentId": "s-o-1", "carrier": "nagare-express", "trackingNumber": "NX-1001",
             "dispatchedAt": "2026-01-01T06:00:00Z"}""";
    /** Where the kit's manual clock starts; mocked steps take no time. */
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final StandInServices services = new StandInServices();

    @RegisterExtension
    final SagaTestKit saga = OrderFulfilmentKit.create(services);

    @Test
    void run_shouldConfirmTheOrder_whenEveryStepSucceeds() {
        SagaRun run = saga.run("HappyPath", ORDER)
                .expectSucceeded()
                .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "HasShippingAddress",
                        "ShipmentRequestToAddress", "RequestShipment", "CapturePayment", "ConfirmOrder", "OrderConfirmed")
                .expectOutput("""
                        {"orderId": "o-1", "status": "CONFIRMED", "reservationId": "r-o-1", "paymentId": "p-o-1",
                         "capturedAt": "2026-01-01T06:00:01Z",
                         "shipment": {"shipmentId": "s-o-1", "carrier": "nagare-express", "trackingNumber": "NX-1001",
                                      "dispatchedAt": "2026-01-01T06:00:00Z"}}""");

        TaskCalls calls = TaskCalls.of(run);
        assertThat(calls.functions()).containsExactly("validate-order", "reserve-inventory", "authorize-payment",
                "request-shipment", "capture-payment", "confirm-order");
        assertThat(calls.payloadOf("validate-order")).isEqualTo(StandInServices.parse(ORDER));
        assertThat(calls.payloadOf("reserve-inventory")).isEqualTo(StandInServices.parse("""
                {"orderId": "o-1", "lines": [{"sku": "TEA-SENCHA-100G", "quantity": 2}]}"""));
        JsonNode authorization = calls.payloadOf("authorize-payment");
        assertThat(authorization.path("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("39.80"));
        assertThat(authorization.path("customerId").asText()).isEqualTo("c-1");
        assertThat(authorization.path("currency").asText()).isEqualTo("EUR");
        assertThat(calls.payloadOf("capture-payment")).isEqualTo(StandInServices.parse("""
                {"orderId": "o-1", "paymentId": "p-o-1"}"""));
        assertThat(calls.payloadOf("confirm-order")).isEqualTo(StandInServices.parse("""
                {"orderId": "o-1", "paymentId": "p-o-1", "shipmentId": "s-o-1"}"""));
    }
}
