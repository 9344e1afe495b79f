package io.nagare.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.platform.events.EventPublisher;
import io.nagare.platform.idempotency.DynamoDbIdempotencyStore;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** request-shipment and carrier-callback through their handlers, on the local runtime's DynamoDB. */
class ShippingStepsTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.fromClasspath();
    private static LocalTables tables;

    private final LocalTables.MutableClock clock = new LocalTables.MutableClock(Instant.parse("2026-11-28T09:20:00Z"));
    private final FakeCarrier carrier = new FakeCarrier();
    private final RecordingStepFunctions stepFunctions = new RecordingStepFunctions();
    private final RecordingEventBridge eventBridge = new RecordingEventBridge();
    private final ShipmentRepository shipments = ShippingFactory.shipments(tables.dynamoDb,
            ShippingDeclarations.SHIPMENTS_TABLE, clock);
    private final ShipmentOutcomes outcomes = new ShipmentOutcomes(new TaskCallbacks(stepFunctions));
    private final RequestShipmentHandler request = new RequestShipmentHandler(new ShipmentRequests(shipments, carrier,
            "nagare-sim-carrier",
            ShippingFactory.idempotency(new DynamoDbIdempotencyStore(tables.dynamoDb,
                    ShippingDeclarations.IDEMPOTENCY_TABLE), clock),
            new ShippingEvents(new EventPublisher(eventBridge, "nagare", REGISTRY, clock)), outcomes, clock));
    private final CarrierCallbackHandler callback = new CarrierCallbackHandler(new CarrierCallbacks(shipments, outcomes,
            clock));
    private final String orderId = "o-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        tables = new LocalTables();
    }

    @AfterAll
    static void stop() {
        tables.close();
    }

    private JsonNode requestShipment(String token) throws IOException {
        String input = "{\"orderId\": \"" + orderId + "\", \"customerId\": \"c-1\", \"lines\": [{\"sku\": "
                + "\"TEA-SENCHA-100G\", \"quantity\": 2, \"unitPrice\": 19.90}], \"shippingAddress\": {\"recipientName\":"
                + " \"Aiko Tanaka\", \"line1\": \"1-2-3 Jingumae\", \"city\": \"Shibuya-ku\", \"postalCode\": "
                + "\"150-0001\", \"country\": \"JP\"}, \"taskToken\": \"" + token + "\"}";
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        request.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, null);
        return ShippingJson.MAPPER.readTree(output.toByteArray());
    }

    private static String carrierEvent(String detailType, String detail) {
        return "{\"version\": \"0\", \"id\": \"" + UUID.randomUUID() + "\", \"detail-type\": \"" + detailType
                + "\", \"source\": \"nagare.partner.carrier\", \"account\": \"000000000000\", \"time\": "
                + "\"2026-11-28T10:00:00Z\", \"region\": \"ap-northeast-1\", \"resources\": [], \"detail\": " + detail
                + "}";
    }

    private String statusUpdated(String status) {
        return carrierEvent("ShipmentStatusUpdated", "{\"orderId\": \"" + orderId + "\", \"shipmentId\": \"shp-1\", "
                + "\"carrier\": \"nagare-sim-carrier\", \"status\": \"" + status + "\", \"updatedAt\": "
                + "\"2026-11-28T09:21:00Z\"}");
    }

    private String dispatched() {
        return carrierEvent("ShipmentDispatched", "{\"orderId\": \"" + orderId + "\", \"shipmentId\": \"shp-1\", "
                + "\"carrier\": \"nagare-sim-carrier\", \"trackingNumber\": \"TRK-0001\", \"dispatchedAt\": "
                + "\"2026-11-28T11:30:00Z\"}");
    }

    private String failed() {
        return carrierEvent("ShipmentFailed", "{\"orderId\": \"" + orderId + "\", \"shipmentId\": \"shp-1\", "
                + "\"carrier\": \"nagare-sim-carrier\", \"reason\": \"ADDRESS_INVALID\", \"detail\": \"no such street\","
                + " \"failedAt\": \"2026-11-28T11:30:00Z\"}");
    }

    private List<String> deliver(String... bodies) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m-" + i);
            message.setBody(bodies[i]);
            messages.add(message);
        }
        event.setRecords(messages);
        SQSBatchResponse response = callback.handleRequest(event, null);
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    private ShipmentItem stored() {
        return shipments.find(orderId).orElseThrow();
    }

    @Test
    void request_shouldStoreTheTokenAskTheCarrierAndPublish_whenTheSagaWaits() throws IOException {
        JsonNode output = requestShipment("token-1");

        assertThat(output.toString()).isEqualTo("{\"shipmentId\":\"shp-1\"}");
        ShipmentItem shipment = stored();
        assertThat(shipment.getTaskToken()).isEqualTo("token-1");
        assertThat(shipment.getShipmentId()).isEqualTo("shp-1");
        assertThat(shipment.getStatus()).isEqualTo("REQUESTED");
        assertThat(shipment.getExpiresAt()).isEqualTo(clock.instant().plus(ShipmentRepository.RETENTION).getEpochSecond());
        assertThat(carrier.requests).singleElement().asString().isEqualTo("{\"orderId\":\"" + orderId + "\","
                + "\"customerId\":\"c-1\",\"lines\":[{\"sku\":\"TEA-SENCHA-100G\",\"quantity\":2}],\"shippingAddress\":"
                + "{\"recipientName\":\"Aiko Tanaka\",\"line1\":\"1-2-3 Jingumae\",\"city\":\"Shibuya-ku\","
                + "\"postalCode\":\"150-0001\",\"country\":\"JP\"}}");
        assertThat(eventBridge.detailTypes()).containsExactly("ShipmentRequested");
        JsonNode event = eventBridge.details().get(0);
        assertThat(event.at("/_cloudevents/id").asText()).isEqualTo(orderId + ":ShipmentRequested");
        assertThat(event.get("lines").toString()).isEqualTo("[{\"sku\":\"TEA-SENCHA-100G\",\"quantity\":2}]");
        assertThat(event.has("taskToken")).isFalse();
        assertThat(event.get("requestedAt").asText()).isEqualTo("2026-11-28T09:20:00Z");
        assertThat(stepFunctions.calls).isEmpty();
    }

    @Test
    void request_shouldAskTheCarrierOnce_whenTheSameInvocationIsRepeated() throws IOException {
        JsonNode first = requestShipment("token-1");
        JsonNode second = requestShipment("token-1");
        assertThat(second).isEqualTo(first);
        assertThat(carrier.requests).hasSize(1);
        assertThat(eventBridge.detailTypes()).containsExactly("ShipmentRequested");
    }

    @Test
    void request_shouldReplaceTheToken_whenTheStepIsRetriedWithANewOne() throws IOException {
        requestShipment("token-1");
        requestShipment("token-2");

        assertThat(stored().getTaskToken()).isEqualTo("token-2");
        assertThat(stored().getShipmentId()).isEqualTo("shp-1");
        assertThat(carrier.shipments).hasSize(1);
        assertThat(deliver(dispatched())).isEmpty();
        assertThat(stepFunctions.calls).singleElement().asString().startsWith("success token-2 ");
    }

    @Test
    void request_shouldAnswerTheNewTokenAtOnce_whenTheCarrierAlreadyDispatched() throws IOException {
        requestShipment("token-1");
        deliver(dispatched());
        requestShipment("token-2");

        assertThat(stepFunctions.calls).containsExactly(
                "success token-1 " + expectedOutput(), "success token-2 " + expectedOutput());
        assertThat(carrier.requests).hasSize(1);
    }

    private static String expectedOutput() {
        return "{\"shipmentId\":\"shp-1\",\"carrier\":\"nagare-sim-carrier\",\"trackingNumber\":\"TRK-0001\","
                + "\"dispatchedAt\":\"2026-11-28T11:30:00Z\"}";
    }

    @Test
    void request_shouldNameTheMember_whenTheTokenIsMissing() {
        assertThatThrownBy(() -> request.handleRequest(new ByteArrayInputStream(("{\"orderId\": \"o-1\", "
                + "\"customerId\": \"c-1\", \"lines\": [{\"sku\": \"A\", \"quantity\": 1}]}")
                .getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("request-shipment: input member 'taskToken' is required (a string)");
    }

    @Test
    void callback_shouldHeartbeat_whenTheCarrierSendsATrackingUpdate() throws IOException {
        requestShipment("token-1");
        assertThat(deliver(statusUpdated("ACCEPTED"), statusUpdated("AWAITING_PICKUP"), statusUpdated("AWAITING_PICKUP")))
                .isEmpty();

        assertThat(stepFunctions.calls).containsExactly("heartbeat token-1", "heartbeat token-1", "heartbeat token-1");
        assertThat(stored().getStatus()).isEqualTo("AWAITING_PICKUP");
        assertThat(stored().getHistory()).hasSize(3);
    }

    @Test
    void callback_shouldSucceedTheTaskWithTheStepOutput_whenTheCarrierDispatched() throws IOException {
        requestShipment("token-1");
        assertThat(deliver(dispatched())).isEmpty();

        assertThat(stepFunctions.calls).containsExactly("success token-1 " + expectedOutput());
        assertThat(stored().getStatus()).isEqualTo("DISPATCHED");
        assertThat(stored().getTrackingNumber()).isEqualTo("TRK-0001");
    }

    @Test
    void callback_shouldFailTheTaskWithTheCarriersReason_whenTheShipmentFailed() throws IOException {
        requestShipment("token-1");
        assertThat(deliver(failed())).isEmpty();

        assertThat(stepFunctions.calls).containsExactly(
                "failure token-1 io.nagare.shipping.ShipmentFailedException ADDRESS_INVALID");
        assertThat(ShipmentFailedException.ERROR_TYPE).isEqualTo(ShipmentFailedException.class.getName());
        assertThat(stored().getFailureDetail()).isEqualTo("no such street");
    }

    @Test
    void callback_shouldDeleteTheMessage_whenTheTokenIsNoLongerValid() throws IOException {
        requestShipment("token-1");
        for (var stale : List.of(RecordingStepFunctions.timedOut(), RecordingStepFunctions.invalidToken(),
                RecordingStepFunctions.doesNotExist())) {
            stepFunctions.failures.put("token-1", stale);
            assertThat(deliver(statusUpdated("LABEL_CREATED"))).isEmpty();
        }
        stepFunctions.failures.put("token-1", RecordingStepFunctions.timedOut());
        assertThat(deliver(dispatched())).isEmpty();
        assertThat(stepFunctions.calls).isEmpty();
        assertThat(stored().getStatus()).isEqualTo("DISPATCHED");
    }

    @Test
    void callback_shouldDropTheRepeatedAnswer_whenTheSameDispatchArrivesTwice() throws IOException {
        requestShipment("token-1");
        assertThat(deliver(dispatched(), dispatched())).isEmpty();
        assertThat(stepFunctions.calls).hasSize(1);
    }

    @Test
    void callback_shouldNotHeartbeat_whenATrackingUpdateArrivesAfterTheDispatch() throws IOException {
        requestShipment("token-1");
        deliver(dispatched());
        assertThat(deliver(statusUpdated("AWAITING_PICKUP"))).isEmpty();
        assertThat(stepFunctions.calls).hasSize(1);
        assertThat(stored().getStatus()).isEqualTo("DISPATCHED");
    }

    @Test
    void callback_shouldReturnOnlyTheFailingMessage_whenStepFunctionsThrottlesOneOrTheOrderIsUnknown()
            throws IOException {
        requestShipment("token-1");
        stepFunctions.failures.put("token-1", RecordingStepFunctions.throttled());
        String unknownOrder = carrierEvent("ShipmentDispatched", "{\"orderId\": \"o-unknown\", \"shipmentId\": "
                + "\"shp-9\", \"carrier\": \"c\", \"trackingNumber\": \"T\", \"dispatchedAt\": \"2026-11-28T11:30:00Z\"}");

        assertThat(deliver(statusUpdated("ACCEPTED"), unknownOrder, "not json", carrierEvent("ShipmentDelivered",
                "{\"orderId\": \"" + orderId + "\", \"shipmentId\": \"shp-1\"}"))).containsExactly("m-0", "m-1", "m-2",
                "m-3");

        stepFunctions.failures.remove("token-1");
        assertThat(deliver(statusUpdated("ACCEPTED"))).isEmpty();
        assertThat(stepFunctions.calls).containsExactly("heartbeat token-1");
    }

    @Test
    void callback_shouldKeepTheMessage_whenItContradictsTheShipment() throws IOException {
        requestShipment("token-1");
        deliver(failed());
        assertThat(deliver(dispatched())).containsExactly("m-0");
        String otherShipment = dispatched().replace("shp-1", "shp-2");
        assertThat(deliver(otherShipment)).containsExactly("m-0");
        assertThat(stored().getStatus()).isEqualTo("FAILED");
    }
}
