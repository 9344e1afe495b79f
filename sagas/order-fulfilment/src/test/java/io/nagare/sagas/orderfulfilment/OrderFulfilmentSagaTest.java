package io.nagare.sagas.orderfulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.runtime.AwsServiceException;
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
        assertThat(authorization.path("amount").decimalValue()).isEqualTo(new BigDecimal("39.80"));
        assertThat(authorization.path("customerId").asText()).isEqualTo("c-1");
        assertThat(authorization.path("currency").asText()).isEqualTo("EUR");
        assertThat(calls.payloadOf("capture-payment")).isEqualTo(StandInServices.parse("""
                {"orderId": "o-1", "paymentId": "p-o-1"}"""));
        assertThat(calls.payloadOf("confirm-order")).isEqualTo(StandInServices.parse("""
                {"orderId": "o-1", "paymentId": "p-o-1", "shipmentId": "s-o-1"}"""));
    }

    @Test
    void run_shouldCancelWithValidationFailed_whenTheOrderIsInvalid() {
        SagaRun run = saga.run("OrderInvalid", ORDER)
                .expectPath("ValidateOrder", "CancelOrder", "OrderCancelled");

        expectCancelled(run, "VALIDATION_FAILED", "ValidateOrder", "io.nagare.orders.OrderInvalidException",
                "total 39.70 is not the sum of the lines, 39.80");
        assertThat(TaskCalls.of(run).functions()).containsExactly("validate-order", "cancel-order");
    }

    @Test
    void run_shouldCancelWithoutCompensating_whenTheStockIsShort() {
        SagaRun run = saga.run("OutOfStock", ORDER)
                .expectPath("ValidateOrder", "ReserveInventory", "CancelOrder", "OrderCancelled");

        expectCancelled(run, "OUT_OF_STOCK", "ReserveInventory", "io.nagare.inventory.OutOfStockException",
                "TEA-SENCHA-100G: 2 requested, 1 available");
        assertThat(TaskCalls.of(run).functions()).containsExactly("validate-order", "reserve-inventory", "cancel-order");
    }

    @Test
    void run_shouldCancelWithValidationFailed_whenASkuIsUnknown() {
        SagaRun run = saga.run("UnknownSku", ORDER)
                .expectPath("ValidateOrder", "ReserveInventory", "CancelOrder", "OrderCancelled");

        expectCancelled(run, "VALIDATION_FAILED", "ReserveInventory", "io.nagare.inventory.UnknownSkuException",
                "unknown sku TEA-SENCHA-100G");
        assertThat(TaskCalls.of(run).functions()).containsExactly("validate-order", "reserve-inventory", "cancel-order");
    }

    @Test
    void run_shouldReleaseTheStockWithoutVoiding_whenThePaymentIsDeclined() {
        SagaRun run = saga.run("PaymentDeclined", ORDER)
                .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "ReleaseInventory", "CancelOrder",
                        "OrderCancelled");

        expectCancelled(run, "PAYMENT_DECLINED", "AuthorizePayment", "io.nagare.payments.PaymentDeclinedException",
                "insufficient_funds");
        TaskCalls calls = TaskCalls.of(run);
        assertThat(calls.functions()).containsExactly("validate-order", "reserve-inventory", "authorize-payment",
                "release-inventory", "cancel-order");
        assertThat(calls.payloadOf("release-inventory")).isEqualTo(StandInServices.parse("{\"orderId\": \"o-1\"}"));
    }

    @Test
    void run_shouldNotRetryAndCancelWithPaymentUnavailable_whenThePaymentCircuitIsOpen() {
        SagaRun run = saga.run("PaymentCircuitOpen", ORDER)
                .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "ReleaseInventory", "CancelOrder",
                        "OrderCancelled");

        expectCancelled(run, "PAYMENT_UNAVAILABLE", "AuthorizePayment", "io.nagare.payments.PaymentCircuitOpenException",
                "payment-gateway circuit open until 2026-01-01T00:01:00Z");
        assertThat(TaskCalls.of(run).functions()).containsExactly("validate-order", "reserve-inventory",
                "authorize-payment", "release-inventory", "cancel-order");
    }

    @Test
    void run_shouldRetryThenCancelWithPaymentUnavailable_whenTheProviderStaysDown() {
        SagaRun run = saga.run("PaymentProviderOutage", ORDER)
                .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "ReleaseInventory", "CancelOrder",
                        "OrderCancelled");

        expectCancelled(run, "PAYMENT_UNAVAILABLE", "AuthorizePayment",
                "io.nagare.payments.PaymentProviderUnavailableException", "payment gateway answered 503");
        assertThat(TaskCalls.of(run).functions()).containsExactly("validate-order", "reserve-inventory",
                "authorize-payment", "authorize-payment", "authorize-payment", "authorize-payment",
                "release-inventory", "cancel-order");
    }

    @Test
    void run_shouldRetryTheShipmentRequestAndSucceed_whenTheCarrierIsBrieflyUnavailable() {
        SagaRun run = saga.run("CarrierUnavailableThenDispatched", ORDER)
                .expectSucceeded()
                .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "HasShippingAddress",
                        "ShipmentRequestToAddress", "RequestShipment", "CapturePayment", "ConfirmOrder", "OrderConfirmed");

        assertThat(TaskCalls.of(run).functions()).containsExactly("validate-order", "reserve-inventory",
                "authorize-payment", "request-shipment", "request-shipment", "request-shipment", "capture-payment",
                "confirm-order");
    }

    @Test
    void run_shouldRetryTheReservation_whenItLostARaceForTheStock() {
        SagaRun run = saga.run("ReserveConflictThenReserved", ORDER).expectSucceeded();

        assertThat(TaskCalls.of(run).functions()).containsExactly("validate-order", "reserve-inventory",
                "reserve-inventory", "authorize-payment", "request-shipment", "capture-payment", "confirm-order");
    }

    @Test
    void run_shouldWaitOutAnAttemptLeftInProgressByACrash_ratherThanCancelTheOrder() {
        // A step killed mid-call leaves its idempotency record in progress for 45 s; the saga must outlast that.
        SagaRun run = saga.run("ReserveInProgressAfterACrash", ORDER).expectSucceeded();

        assertThat(TaskCalls.of(run).functions()).containsExactly("validate-order", "reserve-inventory",
                "reserve-inventory", "reserve-inventory", "reserve-inventory", "reserve-inventory",
                "reserve-inventory", "authorize-payment", "request-shipment", "capture-payment", "confirm-order");
    }

    @Test
    void run_shouldRetryAndSucceed_whenLambdaThrottlesTheReservationTwice() {
        SagaRun run = saga.run("ReserveThrottledThenReserved", ORDER)
                .expectSucceeded()
                .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "HasShippingAddress",
                        "ShipmentRequestToAddress", "RequestShipment", "CapturePayment", "ConfirmOrder", "OrderConfirmed");

        assertThat(TaskCalls.of(run).functions()).containsExactly("validate-order", "reserve-inventory",
                "reserve-inventory", "reserve-inventory", "authorize-payment", "request-shipment", "capture-payment",
                "confirm-order");
        assertThat(run.output()).contains("\"status\":\"CONFIRMED\"");
    }

    @Test
    void run_shouldReleaseWhateverWasReserved_whenTheReservationFailsUnexpectedly() {
        SagaRun run = saga.run("ReserveCrashed", ORDER)
                .expectPath("ValidateOrder", "ReserveInventory", "ReleaseInventory", "CancelOrder", "OrderCancelled");

        expectCancelled(run, "INTERNAL_ERROR", "ReserveInventory", "Lambda.Unknown",
                "The cause could not be determined because Lambda did not return an error type.");
        assertThat(TaskCalls.of(run).functions()).containsExactly("validate-order", "reserve-inventory",
                "release-inventory", "cancel-order");
    }

    @Test
    void startExecution_shouldConfirmTheOrder_whenTheCarrierDispatchesAfterTrackingUpdates() {
        String execution = saga.startExecution("Carrier", ORDER);
        JsonNode request = services.shipmentRequests().get(0);
        assertThat(request.path("taskToken").asText()).isNotBlank();
        assertThat(request.path("shippingAddress").path("city").asText()).isEqualTo("Kyoto");
        assertThat(request.path("lines")).isEqualTo(StandInServices.parse(ORDER).path("lines"));
        assertThat(fieldNames(request)).containsExactly("orderId", "customerId", "lines", "shippingAddress", "taskToken");

        // Tracking updates every 50 minutes keep the wait alive well past its 1 h heartbeat.
        for (int update = 0; update < 6; update++) {
            saga.clock().advance(Duration.ofMinutes(50));
            saga.sendTaskHeartbeat(services.taskToken());
        }
        saga.sendTaskSuccess(services.taskToken(), DISPATCHED);

        SagaRun run = saga.finish(execution)
                .expectSucceeded()
                .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "HasShippingAddress",
                        "ShipmentRequestToAddress", "RequestShipment", "CapturePayment", "ConfirmOrder", "OrderConfirmed");
        assertThat(StandInServices.parse(run.output()).path("shipment")).isEqualTo(StandInServices.parse(DISPATCHED));
    }

    @Test
    void startExecution_shouldVoidReleaseAndCancel_whenTheCarrierReportsAFailure() {
        String execution = saga.startExecution("Carrier", ORDER_WITHOUT_ADDRESS);
        assertThat(fieldNames(services.shipmentRequests().get(0)))
                .containsExactly("orderId", "customerId", "lines", "taskToken");

        saga.sendTaskFailure(services.taskToken(), "io.nagare.shipping.ShipmentFailedException", "address not deliverable");

        SagaRun run = saga.finish(execution)
                .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "HasShippingAddress",
                        "ShipmentRequestWithoutAddress", "RequestShipment", "VoidPayment", "ReleaseInventory",
                        "CancelOrder", "OrderCancelled");
        expectCancelled(run, "SHIPMENT_FAILED", "RequestShipment", "io.nagare.shipping.ShipmentFailedException",
                "address not deliverable");
        assertThat(TaskCalls.of(run).functions()).containsExactly("validate-order", "reserve-inventory",
                "authorize-payment", "request-shipment", "void-payment", "release-inventory", "cancel-order");
    }

    @Test
    void startExecution_shouldCancelWithShipmentTimeout_whenTheCarrierIsSilentForAnHour() {
        String execution = saga.startExecution("Carrier", ORDER);

        SagaRun run = saga.finish(execution)
                .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "HasShippingAddress",
                        "ShipmentRequestToAddress", "RequestShipment", "VoidPayment", "ReleaseInventory", "CancelOrder",
                        "OrderCancelled");
        expectCancelled(run, "SHIPMENT_TIMEOUT", "RequestShipment", "States.HeartbeatTimeout", "");
        assertThat(timeOf(run, "TaskTimedOut")).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(TaskCalls.of(run).functions()).containsExactly("validate-order", "reserve-inventory",
                "authorize-payment", "request-shipment", "void-payment", "release-inventory", "cancel-order");
        // A carrier that answers after the timeout gets TaskTimedOut: carrier-callback logs it and drops the message.
        assertThatAwsError(() -> saga.sendTaskSuccess(services.taskToken(), DISPATCHED), "TaskTimedOut");
    }

    @Test
    void startExecution_shouldCancelWithShipmentTimeout_whenTheCarrierSendsUpdatesButDoesNotDispatchIn48Hours() {
        String execution = saga.startExecution("Carrier", ORDER);
        for (int update = 0; update < 57; update++) {   // 47.5 h of tracking updates, 50 minutes apart
            saga.clock().advance(Duration.ofMinutes(50));
            saga.sendTaskHeartbeat(services.taskToken());
        }
        assertThat(saga.current(execution).status()).isEqualTo("RUNNING");

        SagaRun run = saga.finish(execution)
                .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "HasShippingAddress",
                        "ShipmentRequestToAddress", "RequestShipment", "VoidPayment", "ReleaseInventory", "CancelOrder",
                        "OrderCancelled");
        expectCancelled(run, "SHIPMENT_TIMEOUT", "RequestShipment", "States.Timeout", "");
        assertThat(timeOf(run, "TaskTimedOut")).isEqualTo(START.plus(Duration.ofHours(48)));
    }

    @Test
    void run_shouldRefundNothingThenVoid_whenCaptureFailsAfterShipmentBecauseTheProviderIsDown() {
        SagaRun run = saga.run("CaptureUnavailable", ORDER)
                .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "HasShippingAddress",
                        "ShipmentRequestToAddress", "RequestShipment", "CapturePayment", "RefundPayment",
                        "WasPaymentRefunded", "VoidPayment", "ReleaseInventory", "CancelOrder", "OrderCancelled");

        expectCancelled(run, "PAYMENT_UNAVAILABLE", "CapturePayment",
                "io.nagare.payments.PaymentProviderUnavailableException", "payment gateway answered 503");
        assertThat(TaskCalls.of(run).functions()).containsExactly("validate-order", "reserve-inventory",
                "authorize-payment", "request-shipment", "capture-payment", "capture-payment", "capture-payment",
                "capture-payment", "refund-payment", "void-payment", "release-inventory", "cancel-order");
    }

    @Test
    void run_shouldRefundWithoutVoiding_whenCaptureFailsUnexpectedlyAfterMovingTheMoney() {
        SagaRun run = saga.run("CaptureCrashedAfterCapturing", ORDER)
                .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "HasShippingAddress",
                        "ShipmentRequestToAddress", "RequestShipment", "CapturePayment", "RefundPayment",
                        "WasPaymentRefunded", "ReleaseInventory", "CancelOrder", "OrderCancelled");

        expectCancelled(run, "INTERNAL_ERROR", "CapturePayment", "Lambda.Unknown",
                "The cause could not be determined because Lambda did not return an error type.");
        assertThat(TaskCalls.of(run).functions()).doesNotContain("void-payment");
    }

    @Test
    void run_shouldRefundReleaseAndCancel_whenConfirmingFails() {
        SagaRun run = saga.run("ConfirmFails", ORDER)
                .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "HasShippingAddress",
                        "ShipmentRequestToAddress", "RequestShipment", "CapturePayment", "ConfirmOrder", "RefundPayment",
                        "WasPaymentRefunded", "ReleaseInventory", "CancelOrder", "OrderCancelled");

        expectCancelled(run, "INTERNAL_ERROR", "ConfirmOrder",
                "software.amazon.awssdk.services.dynamodb.model.DynamoDbException", "Service Unavailable (Status Code: 503)");
        TaskCalls calls = TaskCalls.of(run);
        assertThat(calls.functions()).containsExactly("validate-order", "reserve-inventory", "authorize-payment",
                "request-shipment", "capture-payment", "confirm-order", "refund-payment", "release-inventory",
                "cancel-order");
        assertThat(calls.payloadOf("refund-payment")).isEqualTo(StandInServices.parse("{\"orderId\": \"o-1\"}"));
    }

    @Test
    void run_shouldQueueAnIncidentAndFailWithCompensationFailed_whenReleasingTheStockKeepsFailing() {
        SagaRun run = saga.run("ReleaseKeepsFailing", ORDER)
                .expectFailure("CompensationFailed", "ReleaseInventory failed with Lambda.ServiceException: Lambda is"
                        + " unavailable while compensating AuthorizePayment (PAYMENT_DECLINED)")
                .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "ReleaseInventory", "ReportIncident",
                        "CompensationFailed");

        // 1 attempt and 12 retries (about an hour of back-off), then the incident; the order is not cancelled.
        assertThat(TaskCalls.of(run).functions()).containsExactly("validate-order", "reserve-inventory",
                "authorize-payment", "release-inventory", "release-inventory", "release-inventory", "release-inventory",
                "release-inventory", "release-inventory", "release-inventory", "release-inventory", "release-inventory",
                "release-inventory", "release-inventory", "release-inventory", "release-inventory");
        // Full jitter makes each delay random, but never longer than 5 s × 2^n capped at 10 min: 3,635 s in all.
        Instant incidentSent = run.history().stream()
                .filter(event -> event.path("taskScheduledEventDetails").path("resourceType").asText().equals("sqs"))
                .map(OrderFulfilmentSagaTest::timestamp)
                .findFirst().orElseThrow();
        assertThat(incidentSent).isBetween(START, START.plusSeconds(3635));
        assertThat(services.sentMessages()).hasSize(1);
        JsonNode message = services.sentMessages().get(0);
        assertThat(message.path("QueueUrl").asText())
                .isEqualTo(OrderFulfilmentKit.QUEUE_URL_PREFIX + OrderFulfilmentDeclarations.INCIDENT_QUEUE);
        JsonNode incident = StandInServices.parse(message.path("MessageBody").asText());
        assertThat(incident.path("execution").asText()).isEqualTo(run.executionArn());
        assertThat(incident).isEqualTo(StandInServices.parse("""
                {"orderId": "o-1", "execution": "%s", "step": "ReleaseInventory", "error": "Lambda.ServiceException",
                 "cause": "Lambda is unavailable", "reason": "PAYMENT_DECLINED", "failedStep": "AuthorizePayment",
                 "failedStepError": "io.nagare.payments.PaymentDeclinedException"}""".formatted(run.executionArn())));
    }

    @Test
    void run_shouldStillFailWithCompensationFailed_whenTheIncidentCannotBeQueuedEither() {
        SagaRun run = saga.run("VoidKeepsFailingAndIncidentQueueDown", ORDER)
                .expectFailure("CompensationFailed", "VoidPayment failed with"
                        + " io.nagare.payments.PaymentCircuitOpenException: payment-gateway circuit open while"
                        + " compensating RequestShipment (SHIPMENT_FAILED)")
                .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "HasShippingAddress",
                        "ShipmentRequestToAddress", "RequestShipment", "VoidPayment", "ReportIncident",
                        "CompensationFailed");

        assertThat(TaskCalls.of(run).functions()).filteredOn("void-payment"::equals).hasSize(13);
        assertThat(run.history()).filteredOn(e -> e.path("type").asText().equals("TaskFailed")
                && e.path("taskFailedEventDetails").path("resourceType").asText().equals("sqs")).hasSize(11);
    }

    /** The execution failed as designed: OrderCancelled, cancel-order told the reason, its detail names no cause. */
    private static void expectCancelled(SagaRun run, String reason, String step, String error, String cause) {
        run.expectFailure("OrderCancelled", reason + ": " + step + " failed with " + error + ": " + cause);
        assertThat(TaskCalls.of(run).payloadOf("cancel-order")).isEqualTo(StandInServices.parse("""
                {"orderId": "o-1", "reason": "%s", "detail": "%s failed with %s"}""".formatted(reason, step, error)));
    }

    private static Instant timeOf(SagaRun run, String eventType) {
        return run.history().stream()
                .filter(event -> event.path("type").asText().equals(eventType))
                .map(OrderFulfilmentSagaTest::timestamp)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + eventType + " event in the history"));
    }

    /** History timestamps are epoch seconds, as on the wire. */
    private static Instant timestamp(JsonNode event) {
        return Instant.ofEpochSecond(event.path("timestamp").decimalValue().longValue());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertThatAwsError(Runnable call, String errorCode) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(errorCode));
    }
}
