package io.nagare.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.events.EventJson;
import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.eventbridge.EventBridgeServiceFactory;
import io.nagare.local.lambda.FunctionLogSink;
import io.nagare.local.lambda.LambdaServiceFactory;
import io.nagare.local.provisioning.EventRoutingProvisioningFactory;
import io.nagare.local.provisioning.StorageProvisioningFactory;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.sqs.SqsServiceFactory;
import io.nagare.local.stepfunctions.StepFunctionsServiceFactory;
import io.nagare.platform.aws.AwsClients;
import io.nagare.platform.events.EventPublisher;
import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The intake as the model wires it on the local runtime: OrderPlaced on the bus, subscription order-placed-to-intake,
 * queue order-intake, accept-order through Lambda's SQS event source mapping, the saga started by name, and the saga's
 * first step (a stand-in saga invoking validate-order). The same event published twice gives one saga.
 */
class OrderIntakeEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The bus (platform-api) and a stand-in saga running validate-order only. */
    static final class StandIns implements PlatformDeclarations {
        @Override
        public String owner() {
            return "platform";
        }

        @Override
        public void declare(PlatformModel.Builder model) {
            model.bus("nagare", b -> { });
            model.saga("order-fulfilment", s -> s.definition("standin/order-fulfilment-validate.asl.json")
                    .function("ValidateOrderFunction", OrderSteps.VALIDATE));
        }
    }

    private static LocalRuntime runtime;
    private static AwsClients clients;

    @BeforeAll
    static void start() {
        PlatformModel model = PlatformModel.of(new OrdersDeclarations(), new StandIns());
        runtime = LocalRuntime.builder().port(0).discoverServices(false)
                .service(new DynamoDbServiceFactory())
                .service(new SqsServiceFactory())
                .service(new EventBridgeServiceFactory())
                .service(new StepFunctionsServiceFactory().withExecutionStatusEvents(false))
                .service(new StorageProvisioningFactory(model))
                .service(new EventRoutingProvisioningFactory(model))
                .service(new LambdaServiceFactory(model).withLogSink(FunctionLogSink.discard()))
                .start();
        clients = AwsClients.of(FunctionEnvironment.of(Map.of("AWS_ENDPOINT_URL", runtime.endpointUrl(),
                "AWS_REGION", "ap-northeast-1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test")));
    }

    @AfterAll
    static void stop() {
        clients.close();
        runtime.close();
    }

    @Test
    void orderPlaced_shouldBeRecordedValidatedAndSagaStartedOnce_whenPublishedTwice() throws Exception {
        JsonNode order = EventJson.mapper().readTree("{\"orderId\": \"o-e2e\", \"customerId\": \"c-1\","
                + " \"currency\": \"EUR\", \"total\": 39.80,"
                + " \"lines\": [{\"sku\": \"TEA-SENCHA-100G\", \"quantity\": 2, \"unitPrice\": 19.90}]}");
        try (EventBridgeClient events = clients.eventBridge();
             SfnClient stepFunctions = clients.build(SfnClient.builder());
             DynamoDbClient dynamoDb = clients.dynamoDb()) {
            EventPublisher storefront = EventPublisher.create(events, "nagare");
            storefront.publish("partner-e2e", "OrderPlaced", order);
            storefront.publish("partner-e2e", "OrderPlaced", order);

            String stateMachineArn = stepFunctions.listStateMachines().stateMachines().stream()
                    .filter(m -> m.name().equals("order-fulfilment")).findFirst().orElseThrow().stateMachineArn();
            List<ExecutionListItem> executions = await("the saga to end", () -> {
                List<ExecutionListItem> found = stepFunctions.listExecutions(b -> b.stateMachineArn(stateMachineArn))
                        .executions();
                return found.stream().anyMatch(e -> e.status() != ExecutionStatus.RUNNING) ? found : null;
            });
            // both deliveries are consumed before the queue is empty
            String queueUrl = URI.create(runtime.endpointUrl()).resolve("/000000000000/order-intake").toString();
            try (SqsClient sqs = clients.build(SqsClient.builder())) {
                await("order-intake to be drained", () -> {
                    Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                            .attributeNames(QueueAttributeName.ALL)).attributes();
                    return "0".equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                            && "0".equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                            ? attributes : null;
                });
            }

            assertThat(stepFunctions.listExecutions(b -> b.stateMachineArn(stateMachineArn)).executions())
                    .singleElement().satisfies(e -> {
                        assertThat(e.name()).isEqualTo("o-e2e");
                        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                    });
            assertThat(stepFunctions.describeExecution(b -> b.executionArn(executions.get(0).executionArn())).output())
                    .isEqualTo("{\"orderId\":\"o-e2e\",\"status\":\"VALIDATED\"}");
            Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName("orders").consistentRead(true)
                    .key(Map.of("orderId", AttributeValue.fromS("o-e2e")))).item();
            assertThat(item.get("status").s()).isEqualTo("VALIDATED");
            assertThat(item.get("eventId").s()).isEqualTo("partner-e2e");
            assertThat(item.get("total").s()).isEqualTo("39.80");
        }
    }

    /** Waits for asynchronous delivery (EventBridge, the SQS poller, the saga) to produce a value, at most PATIENCE. */
    private static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("gave up waiting for " + what + " after " + PATIENCE);
    }
}
