package io.nagare.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nagare.api.LocalPlatform;
import io.nagare.local.runtime.ManualClock;
import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.platform.saga.ExecutionNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProcessStatusHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A saga in miniature: a step, a payment that fails (retried once), its compensation, and the failure. */
    private static final String DEFINITION = """
            {"StartAt": "ReserveInventory", "States": {
              "ReserveInventory": {"Type": "Pass", "Result": {"reservationId": "r-1"}, "ResultPath": "$.reservation",
                "Next": "AuthorizePayment"},
              "AuthorizePayment": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem",
                "Parameters": {"TableName": "payment-provider-down", "Key": {"k": {"S": "v"}}},
                "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "MaxAttempts": 1}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "ReleaseInventory"}],
                "Next": "Confirm"},
              "Confirm": {"Type": "Succeed"},
              "ReleaseInventory": {"Type": "Pass", "ResultPath": null, "Next": "Cancelled"},
              "Cancelled": {"Type": "Fail", "Error": "OrderCancelled", "Cause": "PAYMENT_FAILED"}}}""";

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-28T09:00:00Z"));
    private static LocalPlatform platform;
    private static ProcessStatusHandler handler;
    private static String stateMachineArn;

    @BeforeAll
    static void start() {
        platform = LocalPlatform.start(CLOCK);
        stateMachineArn = platform.sfn.createStateMachine(b -> b.name("order-fulfilment").definition(DEFINITION)
                .roleArn("arn:aws:iam::000000000000:role/saga")).stateMachineArn();
        handler = new ProcessStatusHandler(platform.sfn,
                FunctionEnvironment.of(Map.of("NAGARE_SAGA_ORDER_FULFILMENT", stateMachineArn)));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void handleRequest_shouldReportStatusAndSteps_whenTheSagaFailedAndCompensated() throws Exception {
        platform.sfn.startExecution(b -> b.stateMachineArn(stateMachineArn)
                .name(ExecutionNames.forBusinessKey("o-1")).input("{\"orderId\": \"o-1\"}"));
        CLOCK.advance(Duration.ofSeconds(2));

        APIGatewayV2HTTPResponse response = handler.handleRequest(query("businessKey=o-1", "o-1"), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode process = JSON.readTree(response.getBody()).at("/processes/0");
        assertThat(process.get("saga").asText()).isEqualTo("order-fulfilment");
        assertThat(process.get("status").asText()).isEqualTo("FAILED");
        assertThat(process.get("error").asText()).isEqualTo("OrderCancelled");
        assertThat(process.get("cause").asText()).isEqualTo("PAYMENT_FAILED");
        assertThat(process.at("/input/orderId").asText()).isEqualTo("o-1");
        assertThat(process.get("stopDate")).isNotNull();
        JsonNode steps = process.get("steps");
        assertThat(steps.findValuesAsText("name"))
                .containsExactly("ReserveInventory", "AuthorizePayment", "ReleaseInventory", "Cancelled");
        JsonNode payment = steps.get(1);
        assertThat(payment.get("status").asText()).isEqualTo("CAUGHT");
        assertThat(payment.get("attempts").asInt()).isEqualTo(2);
        assertThat(payment.get("retries").asInt()).isEqualTo(1);
        assertThat(payment.get("failures")).hasSize(2);
        assertThat(payment.at("/failures/0/error").asText()).isEqualTo("DynamoDB.ResourceNotFoundException");
        assertThat(steps.get(0).get("compensation").asBoolean()).isFalse();
        assertThat(steps.get(2).get("compensation").asBoolean()).isTrue();
        assertThat(steps.get(0).at("/output/reservation/reservationId").asText()).isEqualTo("r-1");
    }

    @Test
    void handleRequest_shouldAnswer404_whenNoSagaHasAnInstanceForTheKey() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(query("businessKey=o-unknown", "o-unknown"), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.getBody()).get("message").asText())
                .isEqualTo("no process for business key 'o-unknown' (execution name 'o-unknown') in the sagas"
                        + " [order-fulfilment]");
    }

    @Test
    void handleRequest_shouldAnswer400_whenTheBusinessKeyIsMissing() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(query("", null), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).get("message").asText()).contains("businessKey");
    }

    private static APIGatewayV2HTTPEvent query(String rawQuery, String businessKey) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET /v1/processes")
                .withRawPath("/v1/processes").withRawQueryString(rawQuery)
                .withQueryStringParameters(businessKey == null ? null : Map.of("businessKey", businessKey))
                .build();
    }
}
