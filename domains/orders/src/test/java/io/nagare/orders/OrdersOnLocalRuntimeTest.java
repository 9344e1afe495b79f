package io.nagare.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.eventbridge.EventBridgeServiceFactory;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.stepfunctions.StepFunctionsServiceFactory;
import io.nagare.platform.aws.AwsClients;
import io.nagare.platform.function.FunctionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The handlers as Lambda builds them (public constructor, clients from the bound function environment) against the
 * local runtime: DynamoDB, EventBridge and a real Step Functions, which refuses a second execution of a name.
 */
class OrdersOnLocalRuntimeTest {

    private static LocalRuntime runtime;
    private static Map<String, String> variables;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder().port(0).discoverServices(false).service(new DynamoDbServiceFactory())
                .service(new EventBridgeServiceFactory()).service(new StepFunctionsServiceFactory()).start();
        variables = new HashMap<>();
        variables.put("AWS_ENDPOINT_URL", runtime.endpointUrl());
        variables.put("AWS_REGION", "ap-northeast-1");
        variables.put("AWS_ACCESS_KEY_ID", "test");
        variables.put("AWS_SECRET_ACCESS_KEY", "test");
        try (AwsClients clients = AwsClients.of(FunctionEnvironment.of(variables));
             DynamoDbClient dynamoDb = clients.dynamoDb();
             EventBridgeClient events = clients.eventBridge();
             SfnClient stepFunctions = clients.build(SfnClient.builder())) {
            for (String[] table : new String[][] {{"orders", "orderId"}, {"orders-idempotency", "id"}}) {
                dynamoDb.createTable(b -> b.tableName(table[0]).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder().attributeName(table[1]).attributeType("S")
                                .build())
                        .keySchema(KeySchemaElement.builder().attributeName(table[1]).keyType(KeyType.HASH).build()));
            }
            events.createEventBus(b -> b.name("nagare"));
            String arn = stepFunctions.createStateMachine(b -> b.name("order-fulfilment")
                    .roleArn("arn:aws:iam::000000000000:role/order-fulfilment")
                    .definition("{\"StartAt\": \"Wait\", \"States\": {\"Wait\": {\"Type\": \"Wait\", \"Seconds\": 3600,"
                            + " \"End\": true}}}")).stateMachineArn();
            variables.put("NAGARE_TABLE_ORDERS", "orders");
            variables.put("NAGARE_TABLE_ORDERS_IDEMPOTENCY", "orders-idempotency");
            variables.put("NAGARE_BUS_NAGARE", "nagare");
            variables.put("NAGARE_SAGA_ORDER_FULFILMENT", arn);
        }
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void acceptOrder_shouldStartOneExecutionNamedAfterTheOrder_whenTheMessageIsDeliveredTwice() throws Exception {
        SQSEvent batch = Fixtures.sqsEvent("events/sqs-order-intake-batch.json");
        batch.setRecords(batch.getRecords().subList(0, 1));
        FunctionEnvironment environment = FunctionEnvironment.of(variables);

        SQSBatchResponse first;
        SQSBatchResponse second;
        try (FunctionEnvironment.Scope scope = environment.bind()) {
            AcceptOrderHandler handler = new AcceptOrderHandler();
            first = handler.handleRequest(batch, null);
            second = handler.handleRequest(batch, null);
        }

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(second.getBatchItemFailures()).isEmpty();
        try (AwsClients clients = AwsClients.of(environment);
             SfnClient stepFunctions = clients.build(SfnClient.builder())) {
            var executions = stepFunctions.listExecutions(b -> b.stateMachineArn(variables.get(
                    "NAGARE_SAGA_ORDER_FULFILMENT"))).executions();
            assertThat(executions).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("o-1"));
            String input = stepFunctions.describeExecution(b -> b.executionArn(executions.get(0).executionArn()))
                    .input();
            // the local interpreter rewrites numbers (39.80 comes back as 39.8): compare the value, not the text
            assertThat(io.nagare.events.EventJson.mapper().readTree(input).get("total").decimalValue())
                    .isEqualByComparingTo("39.80");
            assertThat(input).contains("\"eventId\":\"partner-42\"");
        }

        // the saga's first step on the recorded order, through the real idempotency table and bus
        try (FunctionEnvironment.Scope scope = environment.bind()) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            new ValidateOrderHandler().handleRequest(new ByteArrayInputStream(
                    Fixtures.text("steps/validate-order-input.json").getBytes(StandardCharsets.UTF_8)), output, null);
            assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("{\"orderId\":\"o-1\",\"status\":\"VALIDATED\"}");
            output.reset();
            new CancelOrderHandler().handleRequest(new ByteArrayInputStream(
                    Fixtures.text("steps/cancel-order-input.json").getBytes(StandardCharsets.UTF_8)), output, null);
            assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("{\"orderId\":\"o-1\",\"status\":\"CANCELLED\"}");
        }
    }
}
