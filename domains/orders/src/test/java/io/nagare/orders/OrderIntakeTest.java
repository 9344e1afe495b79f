package io.nagare.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.events.EventJson;
import io.nagare.orders.internal.OrderItem;
import io.nagare.platform.envelope.EnvelopeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/** accept-order against the local runtime's DynamoDB, with a Step Functions fake that keeps execution names unique. */
class OrderIntakeTest {

    static final Instant NOW = Instant.parse("2026-11-28T09:15:01Z");
    static final String STATE_MACHINE = "arn:aws:states:ap-northeast-1:000000000000:stateMachine:order-fulfilment";

    private static LocalTables local;

    private OrderRepository orders;
    private RecordingStepFunctions stepFunctions;
    private OrderIntake intake;

    @BeforeAll
    static void start() {
        local = new LocalTables();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @BeforeEach
    void tables() {
        Map<String, String> tables = local.createTables();
        orders = new OrderRepository(local.dynamoDb, tables.get("NAGARE_TABLE_ORDERS"));
        stepFunctions = new RecordingStepFunctions();
        intake = new OrderIntake(orders, new SagaStarter(stepFunctions, STATE_MACHINE), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void accept_shouldRecordTheOrderAndStartItsSaga_whenOrderPlacedV2Arrives() throws Exception {
        OrderIntake.Accepted accepted = intake.accept(Fixtures.text("events/order-placed-v2.json"));

        assertThat(accepted).isEqualTo(new OrderIntake.Accepted("o-1", "partner-42", true, true));
        OrderItem order = orders.find("o-1").orElseThrow();
        assertThat(order.getStatus()).isEqualTo("PLACED");
        assertThat(order.getTotal()).isEqualTo("39.80");
        assertThat(order.getVersion()).isEqualTo(1L);
        assertThat(order.getUpdatedAt()).isEqualTo(NOW);
        assertThat(order.getHistory()).singleElement().hasToString("PLACED at " + NOW + " (event partner-42)");

        assertThat(stepFunctions.executions).containsOnlyKeys("o-1");
        assertThat(stepFunctions.executions.get("o-1").stateMachineArn()).isEqualTo(STATE_MACHINE);
        assertThat(stepFunctions.executions.get("o-1").input()).isEqualTo("{\"orderId\":\"o-1\",\"customerId\":\"c-1\","
                + "\"currency\":\"EUR\",\"total\":39.80,\"lines\":[{\"sku\":\"TEA-SENCHA-100G\",\"quantity\":2,"
                + "\"unitPrice\":19.90}],\"shippingAddress\":{\"recipientName\":\"Hanako Yamada\",\"line1\":"
                + "\"1-2-3 Jingumae\",\"city\":\"Shibuya-ku\",\"region\":\"Tokyo\",\"postalCode\":\"150-0001\","
                + "\"country\":\"JP\"},\"placedAt\":\"2026-11-28T09:14:58Z\",\"eventId\":\"partner-42\"}");
    }

    @Test
    void accept_shouldTakeTheEnvelopeTime_whenAV1OrderHasNoPlacedAt() {
        intake.accept(Fixtures.text("events/order-placed-v1.json"));

        assertThat(stepFunctions.executions.get("o-jpy").input()).isEqualTo("{\"orderId\":\"o-jpy\",\"customerId\":"
                + "\"c-2\",\"currency\":\"JPY\",\"total\":6800,\"lines\":[{\"sku\":\"CUP-YUNOMI-BLUE\",\"quantity\":2,"
                + "\"unitPrice\":2400},{\"sku\":\"TEA-SENCHA-100G\",\"quantity\":1,\"unitPrice\":2000}],"
                + "\"placedAt\":\"2026-11-28T10:00:00.250Z\",\"eventId\":\"partner-7\"}");
    }

    @Test
    void accept_shouldRecordOnceAndStartOneSaga_whenTheEventIsDeliveredTwice() {
        String event = Fixtures.text("events/order-placed-v2.json");

        OrderIntake.Accepted first = intake.accept(event);
        OrderIntake.Accepted second = intake.accept(event);

        assertThat(first.recorded()).isTrue();
        assertThat(first.started()).isTrue();
        assertThat(second.recorded()).isFalse();
        assertThat(second.started()).isFalse();
        assertThat(stepFunctions.executions).hasSize(1);
        assertThat(orders.find("o-1").orElseThrow().getVersion()).isEqualTo(1L);
    }

    @Test
    void accept_shouldStartTheSagaOfTheRecordedOrder_whenASecondEventNamesTheSameOrder() throws Exception {
        stepFunctions.failure = StateMachineDoesNotExistException.builder().message("State Machine Does Not Exist")
                .build();
        assertThatThrownBy(() -> intake.accept(Fixtures.text("events/order-placed-v2.json")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        stepFunctions.failure = null;
        ObjectNode other = (ObjectNode) EventJson.mapper().readTree(Fixtures.text("events/order-placed-v2.json"));
        ((ObjectNode) other.get("detail")).put("customerId", "someone-else");
        ((ObjectNode) other.get("detail").get("_cloudevents")).put("id", "partner-43");

        OrderIntake.Accepted accepted = intake.accept(other.toString());

        // the order recorded by the first delivery wins; its saga starts now (the first delivery could not start it)
        assertThat(accepted.recorded()).isFalse();
        assertThat(accepted.started()).isTrue();
        assertThat(stepFunctions.executions.get("o-1").input()).contains("\"customerId\":\"c-1\"",
                "\"eventId\":\"partner-42\"");
    }

    @Test
    void accept_shouldRefuse_whenTheEventIsNotAStorefrontOrderPlaced() throws Exception {
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(Fixtures.text("events/order-placed-v2.json"));
        event.put("detail-type", "OrderConfirmed");

        assertThatThrownBy(() -> intake.accept(event.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not supported: event '6a7e8feb-b491-4cf7-a9f1-bf3703467718' is OrderConfirmed from"
                        + " nagare.partner.storefront; accept-order takes OrderPlaced from nagare.partner.storefront");
        assertThat(orders.find("o-1")).isEmpty();
    }

    @Test
    void accept_shouldRefuse_whenTheDataSchemaIsAnUnknownVersion() throws Exception {
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(Fixtures.text("events/order-placed-v2.json"));
        ((ObjectNode) event.get("detail").get("_cloudevents")).put("dataschema",
                "https://schemas.nagare.io/events/OrderPlaced/v3");

        assertThatThrownBy(() -> intake.accept(event.toString()))
                .hasMessageStartingWith("not supported: OrderPlaced 'partner-42' has data schema"
                        + " https://schemas.nagare.io/events/OrderPlaced/v3; accept-order reads");
    }

    @Test
    void accept_shouldHoldAV1EventToV1_whenItCarriesAnAddress() throws Exception {
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(Fixtures.text("events/order-placed-v2.json"));
        ((ObjectNode) event.get("detail").get("_cloudevents")).put("dataschema",
                "https://schemas.nagare.io/events/OrderPlaced/v1");

        assertThatThrownBy(() -> intake.accept(event.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid OrderPlaced")
                .hasMessageContaining("shippingAddress");
    }

    @Test
    void handleRequest_shouldReportOnlyTheFailedMessage_whenOneOfTheBatchIsPoison() {
        SQSEvent batch = Fixtures.sqsEvent("events/sqs-order-intake-batch.json");

        SQSBatchResponse response = new AcceptOrderHandler(intake).handleRequest(batch, null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("a1b2c3d4-0002");
        assertThat(orders.find("o-1")).isPresent();
        assertThat(stepFunctions.executions).containsOnlyKeys("o-1");
    }

    @Test
    void handleRequest_shouldStartOneSaga_whenTheSameBatchIsDeliveredTwice() {
        SQSEvent batch = Fixtures.sqsEvent("events/sqs-order-intake-batch.json");
        batch.setRecords(batch.getRecords().subList(0, 1));
        AcceptOrderHandler handler = new AcceptOrderHandler(intake);

        assertThat(handler.handleRequest(batch, null).getBatchItemFailures()).isEmpty();
        assertThat(handler.handleRequest(batch, null).getBatchItemFailures()).isEmpty();

        assertThat(stepFunctions.calls).hasSize(2);
        assertThat(stepFunctions.executions).hasSize(1);
    }

    @Test
    void accept_shouldRefuseMalformedEvents_namingTheProblem() {
        assertThatThrownBy(() -> intake.accept("{\"id\": \"x\"}"))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageContaining("source is required");
    }
}
