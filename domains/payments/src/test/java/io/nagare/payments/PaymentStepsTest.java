package io.nagare.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.platform.circuitbreaker.DynamoDbCircuitBreakerStore;
import io.nagare.platform.events.EventPublisher;
import io.nagare.platform.idempotency.DynamoDbIdempotencyStore;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The four steps through their handlers, on the local runtime's DynamoDB, with a provider that counts its effects. */
class PaymentStepsTest {

    private static LocalTables tables;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.fromClasspath();

    private final LocalTables.MutableClock clock = new LocalTables.MutableClock(Instant.parse("2026-11-28T09:15:00Z"));
    private final FakeGateway gateway = new FakeGateway();
    private final RecordingEventBridge eventBridge = new RecordingEventBridge();
    private final PaymentService service = service(gateway);
    private final String orderId = "o-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        tables = new LocalTables();
    }

    @AfterAll
    static void stop() {
        tables.close();
    }

    private PaymentService service(PaymentGateway provider) {
        return new PaymentService(
                new PaymentRepository(PaymentServiceFactory.enhanced(tables.dynamoDb), PaymentsDeclarations.PAYMENTS_TABLE),
                new CircuitProtectedPaymentGateway(provider, PaymentServiceFactory.breaker(
                        new DynamoDbCircuitBreakerStore(tables.dynamoDb, PaymentsDeclarations.CIRCUIT_BREAKER_TABLE),
                        clock)),
                PaymentServiceFactory.idempotency(
                        new DynamoDbIdempotencyStore(tables.dynamoDb, PaymentsDeclarations.IDEMPOTENCY_TABLE), clock),
                new PaymentEvents(new EventPublisher(eventBridge, "nagare", REGISTRY, clock)),
                clock);
    }

    private String authorizeInput(String amount) {
        return "{\"orderId\": \"" + orderId + "\", \"customerId\": \"c-1\", \"amount\": " + amount
                + ", \"currency\": \"EUR\"}";
    }

    private static JsonNode invoke(RequestStreamHandler handler, String input) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, null);
        return StepJson.MAPPER.readTree(output.toByteArray());
    }

    private JsonNode authorize() throws IOException {
        return invoke(new AuthorizePaymentHandler(service), authorizeInput("39.80"));
    }

    private JsonNode capture(String paymentId) throws IOException {
        return invoke(new CapturePaymentHandler(service),
                "{\"orderId\": \"" + orderId + "\", \"paymentId\": \"" + paymentId + "\"}");
    }

    private JsonNode orderStep(RequestStreamHandler handler) throws IOException {
        return invoke(handler, "{\"orderId\": \"" + orderId + "\"}");
    }

    @Test
    void authorize_shouldHoldTheAmountOnce_whenTheStepRunsTwice() throws IOException {
        JsonNode first = authorize();
        JsonNode second = authorize();

        assertThat(second).isEqualTo(first);
        assertThat(first.get("paymentId").asText()).isEqualTo(PaymentService.paymentId(orderId));
        assertThat(first.get("authorizationCode").asText()).isNotEmpty();
        assertThat(gateway.calls).hasValue(1);
        assertThat(gateway.effects("authorize")).isEqualTo(1);
        assertThat(eventBridge.detailTypes()).containsExactly("PaymentAuthorized");
        JsonNode event = eventBridge.details().get(0);
        assertThat(event.get("amount").decimalValue()).isEqualByComparingTo("39.80");
        assertThat(eventBridge.entries.get(0).detail()).contains("\"amount\":39.80");
        assertThat(event.at("/_cloudevents/id").asText()).isEqualTo(orderId + ":PaymentAuthorized");
    }

    @Test
    void authorize_shouldAnswerFromThePaymentsTable_whenItsIdempotencyRecordIsGone() throws IOException {
        JsonNode first = authorize();
        // as after a crash between the provider's answer being recorded and the step completing
        tables.dynamoDb.deleteItem(b -> b.tableName(PaymentsDeclarations.IDEMPOTENCY_TABLE).key(java.util.Map.of("id",
                AttributeValue.builder().s(PaymentService.stepKey(orderId, "authorize-payment")).build())));

        assertThat(authorize()).isEqualTo(first);
        assertThat(gateway.calls).hasValue(1);
        // the event is published again with the same id: consumers drop the duplicate
        assertThat(eventBridge.details()).extracting(d -> d.at("/_cloudevents/id").asText())
                .containsExactly(orderId + ":PaymentAuthorized", orderId + ":PaymentAuthorized");
    }

    @Test
    void authorize_shouldStoreTheExactAmount_whenItHasTrailingZeros() throws IOException {
        authorize();
        AttributeValue stored = tables.dynamoDb.getItem(b -> b.tableName(PaymentsDeclarations.PAYMENTS_TABLE)
                .key(java.util.Map.of("orderId", AttributeValue.builder().s(orderId).build()))).item().get("amount");
        assertThat(stored.s()).isEqualTo("39.80");
    }

    @Test
    void authorize_shouldFailWithTheDeclineReasonAndNotCallAgain_whenTheProviderDeclines() {
        gateway.declineReason = "INSUFFICIENT_FUNDS";
        AuthorizePaymentHandler handler = new AuthorizePaymentHandler(service);

        assertThatThrownBy(() -> invoke(handler, authorizeInput("39.80")))
                .isInstanceOf(PaymentDeclinedException.class).hasMessage("INSUFFICIENT_FUNDS");
        assertThatThrownBy(() -> invoke(handler, authorizeInput("39.80")))
                .isInstanceOf(PaymentDeclinedException.class).hasMessage("INSUFFICIENT_FUNDS");

        assertThat(gateway.calls).hasValue(1);
        assertThat(eventBridge.detailTypes()).containsOnly("PaymentDeclined");
        assertThat(eventBridge.details().get(0).get("declineReason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(PaymentDeclinedException.ERROR_TYPE).isEqualTo(PaymentDeclinedException.class.getName());
    }

    @Test
    void authorize_shouldNormalizeTheReason_whenTheProviderGivesOneUnknownToTheSchema() {
        gateway.declineReason = "WEIRD_PROVIDER_CODE";
        assertThatThrownBy(this::authorize).isInstanceOf(PaymentDeclinedException.class).hasMessage("DO_NOT_HONOR");
    }

    @Test
    void authorize_shouldRefuse_whenTheSameOrderAsksForAnotherAmount() throws IOException {
        authorize();
        tables.dynamoDb.deleteItem(b -> b.tableName(PaymentsDeclarations.IDEMPOTENCY_TABLE).key(java.util.Map.of("id",
                AttributeValue.builder().s(PaymentService.stepKey(orderId, "authorize-payment")).build())));
        assertThatThrownBy(() -> invoke(new AuthorizePaymentHandler(service), authorizeInput("45.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already authorized for 39.80 EUR; this request asks for 45.00 EUR");
    }

    @Test
    void authorize_shouldNameTheMember_whenTheInputLacksIt() {
        assertThatThrownBy(() -> invoke(new AuthorizePaymentHandler(service),
                "{\"orderId\": \"o-1\", \"customerId\": \"c-1\", \"currency\": \"EUR\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("authorize-payment: input member 'amount' is required");
        assertThatThrownBy(() -> invoke(new AuthorizePaymentHandler(service),
                "{\"orderId\": \"o-1\", \"customerId\": \"c-1\", \"amount\": 1, \"currency\": \"EURO\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("authorize-payment: input member 'currency' is not an ISO 4217 code: 'EURO'");
    }

    @Test
    void capture_shouldChargeOnce_whenTheStepRunsTwice() throws IOException {
        String paymentId = authorize().get("paymentId").asText();
        clock.advance(java.time.Duration.ofMinutes(5));

        JsonNode first = capture(paymentId);
        JsonNode second = capture(paymentId);

        assertThat(second).isEqualTo(first);
        assertThat(first.get("paymentId").asText()).isEqualTo(paymentId);
        assertThat(first.get("capturedAt").asText()).isEqualTo("2026-11-28T09:20:00Z");
        assertThat(gateway.effects("capture")).isEqualTo(1);
        assertThat(gateway.calls).hasValue(2);
        assertThat(eventBridge.detailTypes()).containsExactly("PaymentAuthorized", "PaymentCaptured");
    }

    @Test
    void capture_shouldFailNamingTheHistory_whenThePaymentWasVoided() throws IOException {
        String paymentId = authorize().get("paymentId").asText();
        assertThat(orderStep(new VoidPaymentHandler(service)).get("voided").asBoolean()).isTrue();

        assertThatThrownBy(() -> capture(paymentId)).isInstanceOf(IllegalPaymentTransitionException.class)
                .hasMessageContaining("cannot go from VOIDED to CAPTURED; allowed from VOIDED: []; history: "
                        + "[AUTHORIZED@2026-11-28T09:15:00Z, VOIDED@2026-11-28T09:15:00Z]");
        assertThat(gateway.effects("capture")).isZero();
    }

    @Test
    void void_shouldAnswerFalse_whenNothingWasAuthorized() throws IOException {
        assertThat(orderStep(new VoidPaymentHandler(service)).toString()).isEqualTo("{\"voided\":false}");
        assertThat(gateway.calls).hasValue(0);
    }

    @Test
    void void_shouldReleaseTheHoldOnce_whenTheStepRunsTwice() throws IOException {
        authorize();
        assertThat(orderStep(new VoidPaymentHandler(service)).toString()).isEqualTo("{\"voided\":true}");
        assertThat(orderStep(new VoidPaymentHandler(service)).toString()).isEqualTo("{\"voided\":true}");
        assertThat(gateway.effects("void")).isEqualTo(1);
        assertThat(eventBridge.detailTypes()).containsExactly("PaymentAuthorized", "PaymentVoided");
    }

    @Test
    void refund_shouldAnswerNull_whenNothingWasCaptured() throws IOException {
        authorize();
        assertThat(orderStep(new RefundPaymentHandler(service)).toString()).isEqualTo("{\"refundId\":null}");
        assertThat(gateway.effects("refund")).isZero();
    }

    @Test
    void refund_shouldReturnTheMoneyOnce_whenTheStepRunsTwice() throws IOException {
        capture(authorize().get("paymentId").asText());

        JsonNode first = orderStep(new RefundPaymentHandler(service));
        tables.dynamoDb.deleteItem(b -> b.tableName(PaymentsDeclarations.IDEMPOTENCY_TABLE).key(java.util.Map.of("id",
                AttributeValue.builder().s(PaymentService.stepKey(orderId, "refund-payment")).build())));
        JsonNode second = orderStep(new RefundPaymentHandler(service));

        assertThat(first.get("refundId").asText()).isEqualTo("ref-auth-" + orderId);
        assertThat(second).isEqualTo(first);
        assertThat(gateway.effects("refund")).isEqualTo(1);
        JsonNode refunded = eventBridge.details().get(2);
        assertThat(refunded.get("reason").asText()).isEqualTo("SAGA_COMPENSATION");
        assertThat(refunded.get("refundId").asText()).isEqualTo("ref-auth-" + orderId);
    }

    @Test
    void refund_shouldReturnTheMoney_whenTheCapturesAnswerWasLostButTheProviderCaptured() throws IOException {
        String paymentId = authorize().get("paymentId").asText();
        gateway.loseCaptureAnswer = true;
        assertThatThrownBy(() -> capture(paymentId)).isInstanceOf(PaymentProviderUnavailableException.class);
        assertThat(gateway.effects("capture")).isEqualTo(1);

        // the saga compensates a capture that failed: refund, then void if nothing was refunded
        JsonNode refund = orderStep(new RefundPaymentHandler(service));

        assertThat(refund.get("refundId").asText()).isEqualTo("ref-auth-" + orderId);
        assertThat(gateway.effects("refund")).isEqualTo(1);
        assertThat(orderStep(new VoidPaymentHandler(service)).toString()).isEqualTo("{\"voided\":false}");
        assertThat(gateway.effects("void")).isZero();
        assertThat(eventBridge.detailTypes()).containsExactly("PaymentAuthorized", "PaymentRefunded");
    }

    @Test
    void refund_shouldAnswerNullAndLeaveTheVoid_whenTheCaptureNeverReachedTheProvider() throws IOException {
        String paymentId = authorize().get("paymentId").asText();
        gateway.outage = true;
        assertThatThrownBy(() -> capture(paymentId)).isInstanceOf(PaymentProviderUnavailableException.class);
        gateway.outage = false;

        assertThat(orderStep(new RefundPaymentHandler(service)).toString()).isEqualTo("{\"refundId\":null}");
        assertThat(orderStep(new VoidPaymentHandler(service)).toString()).isEqualTo("{\"voided\":true}");
        assertThat(gateway.effects("refund")).isZero();
        assertThat(gateway.effects("void")).isEqualTo(1);
    }

    @Test
    void capture_shouldCaptureOnce_whenRetriedAfterALostAnswer() throws IOException {
        String paymentId = authorize().get("paymentId").asText();
        gateway.loseCaptureAnswer = true;
        assertThatThrownBy(() -> capture(paymentId)).isInstanceOf(PaymentProviderUnavailableException.class);

        assertThat(capture(paymentId).get("paymentId").asText()).isEqualTo(paymentId);
        assertThat(gateway.effects("capture")).isEqualTo(1);
        assertThat(gateway.calls).hasValue(3);
    }

    @Test
    void refund_shouldFail_whenThePaymentWasVoidedAfterCapture() throws IOException {
        capture(authorize().get("paymentId").asText());
        assertThatThrownBy(() -> orderStep(new VoidPaymentHandler(service)))
                .isInstanceOf(IllegalPaymentTransitionException.class)
                .hasMessageContaining("cannot go from CAPTURED to VOIDED; allowed from CAPTURED: [REFUNDED]");
    }
}
