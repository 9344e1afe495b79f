package io.nagare.local.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.eventbridge.EventBridgeServiceFactory;
import io.nagare.local.provisioning.ProvisioningReport.Outcome;
import io.nagare.local.provisioning.WireClient.Api;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.sqs.SqsServiceFactory;
import io.nagare.local.stepfunctions.StepFunctionsServiceFactory;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.TableDeclaration.AttributeType;
import io.nagare.platform.model.TableDeclaration.Key;
import io.nagare.platform.model.TableDeclaration.StreamViewType;

class ModelProvisioningTest {

    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "ap-northeast-1";

    @TempDir
    Path dataDir;

    private static PlatformModel model(int visibilityTimeout) {
        return PlatformModel.builder().owner("test")
                .table("orders", t -> t
                        .partitionKey("orderId", AttributeType.S)
                        .globalIndex("by-customer", Key.of("customerId", AttributeType.S),
                                Key.of("placedAt", AttributeType.S))
                        .ttlAttribute("expiresAt")
                        .stream(StreamViewType.NEW_AND_OLD_IMAGES))
                .queue("intake-dlq", QueueDeclaration.Builder::asDeadLetterQueue)
                .queue("intake", q -> q.deadLetterQueue("intake-dlq").maxReceiveCount(3)
                        .visibilityTimeoutSeconds(visibilityTimeout))
                .bus("orders-bus", b -> b.archiveRetentionDays(7))
                .saga("notify", s -> s
                        .definition("sagas/test/notify.asl.json")
                        .queue("IncidentQueue", "intake")
                        .bus("Bus", "orders-bus"))
                .subscription("placed-to-intake", s -> s
                        .bus("orders-bus")
                        .pattern("{\"detail-type\": [\"OrderPlaced\"]}")
                        .target(Reference.queue("intake"))
                        .retryPolicy(10, 3600)
                        .deadLetterQueue("intake-dlq"))
                .subscription("placed-to-saga", s -> s
                        .bus("orders-bus")
                        .pattern("{\"detail-type\": [\"OrderPlaced\"]}")
                        .target(Reference.saga("notify"))
                        .inputPath("$.detail")
                        .deadLetterQueue("intake-dlq"))
                .build();
    }

    private LocalRuntime start(PlatformModel model) {
        return LocalRuntime.builder().port(-1).dataDirectory(dataDir).discoverServices(false)
                .service(new DynamoDbServiceFactory())
                .service(new SqsServiceFactory())
                .service(new StepFunctionsServiceFactory())
                .service(new EventBridgeServiceFactory())
                .service(new StorageProvisioningFactory(model))
                .service(new EventRoutingProvisioningFactory(model))
                .start();
    }

    private static WireClient wire(LocalRuntime runtime) {
        return new WireClient(runtime.context(), "localhost");
    }

    private static ProvisioningReport report(LocalRuntime runtime, String name) {
        return runtime.services().stream().filter(s -> s.name().equals(name))
                .map(s -> ((ProvisioningService) s).report()).findFirst().orElseThrow();
    }

    @Test
    void start_shouldCreateEveryDeclaredResource_whenTheDataDirectoryIsEmpty() {
        try (LocalRuntime runtime = start(model(30))) {
            WireClient wire = wire(runtime);
            JsonNode table = wire.call(Api.DYNAMODB, "DescribeTable", wire.request().put("TableName", "orders"))
                    .path("Table");
            assertThat(table.path("KeySchema").get(0).path("AttributeName").asText()).isEqualTo("orderId");
            assertThat(table.path("GlobalSecondaryIndexes").get(0).path("IndexName").asText()).isEqualTo("by-customer");
            assertThat(table.path("StreamSpecification").path("StreamViewType").asText())
                    .isEqualTo("NEW_AND_OLD_IMAGES");
            assertThat(wire.call(Api.DYNAMODB, "DescribeTimeToLive", wire.request().put("TableName", "orders"))
                    .path("TimeToLiveDescription").path("AttributeName").asText()).isEqualTo("expiresAt");

            JsonNode intake = queueAttributes(wire, "intake");
            assertThat(intake.path("VisibilityTimeout").asText()).isEqualTo("30");
            JsonNode redrive = parse(intake.path("RedrivePolicy").asText());
            assertThat(redrive.path("deadLetterTargetArn").asText())
                    .isEqualTo("arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":intake-dlq");
            assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(3);
            assertThat(queueAttributes(wire, "intake-dlq").path("MessageRetentionPeriod").asText())
                    .isEqualTo("1209600");

            JsonNode machine = wire.call(Api.STEP_FUNCTIONS, "DescribeStateMachine", wire.request()
                    .put("stateMachineArn", "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:notify"));
            assertThat(machine.path("definition").asText())
                    .contains("\"QueueUrl\": \"http://localhost/" + ACCOUNT + "/intake\"")
                    .contains("\"EventBusName\": \"orders-bus\"")
                    .doesNotContain("${");

            assertThat(wire.call(Api.EVENTBRIDGE, "DescribeArchive", wire.request()
                    .put("ArchiveName", "orders-bus-archive")).path("RetentionDays").asInt()).isEqualTo(7);
            JsonNode sagaTarget = wire.call(Api.EVENTBRIDGE, "ListTargetsByRule", wire.request()
                    .put("Rule", "placed-to-saga").put("EventBusName", "orders-bus")).path("Targets").get(0);
            assertThat(sagaTarget.path("Arn").asText())
                    .isEqualTo("arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:notify");
            assertThat(sagaTarget.path("RoleArn").asText()).startsWith("arn:aws:iam::" + ACCOUNT + ":role/");
            assertThat(sagaTarget.path("InputPath").asText()).isEqualTo("$.detail");
            JsonNode queueTarget = wire.call(Api.EVENTBRIDGE, "ListTargetsByRule", wire.request()
                    .put("Rule", "placed-to-intake").put("EventBusName", "orders-bus")).path("Targets").get(0);
            assertThat(queueTarget.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isEqualTo(10);
            assertThat(queueTarget.path("DeadLetterConfig").path("Arn").asText()).endsWith(":intake-dlq");

            assertThat(report(runtime, "provisioning-storage").count("table", Outcome.CREATED)).isEqualTo(1);
            assertThat(report(runtime, "provisioning-storage").count("queue", Outcome.CREATED)).isEqualTo(2);
            assertThat(report(runtime, "provisioning-events").count("subscription", Outcome.CREATED)).isEqualTo(2);
        }
    }

    @Test
    void start_shouldKeepDataAndChangeNothing_whenRestartedWithTheSameModel() {
        try (LocalRuntime runtime = start(model(30))) {
            WireClient wire = wire(runtime);
            ObjectNode put = wire.request().put("TableName", "orders");
            put.putObject("Item").putObject("orderId").put("S", "o-1");
            wire.call(Api.DYNAMODB, "PutItem", put);
        }
        try (LocalRuntime runtime = start(model(30))) {
            ProvisioningReport storage = report(runtime, "provisioning-storage");
            ProvisioningReport events = report(runtime, "provisioning-events");
            assertThat(storage.changes()).isEmpty();
            assertThat(events.changes()).isEmpty();
            assertThat(storage.count("queue", Outcome.UNCHANGED)).isEqualTo(2);
            assertThat(storage.count("saga", Outcome.UNCHANGED)).isEqualTo(1);
            WireClient wire = wire(runtime);
            ObjectNode get = wire.request().put("TableName", "orders");
            get.putObject("Key").putObject("orderId").put("S", "o-1");
            assertThat(wire.call(Api.DYNAMODB, "GetItem", get).path("Item").path("orderId").path("S").asText())
                    .isEqualTo("o-1");
        }
    }

    @Test
    void start_shouldUpdateTheQueue_whenItsDeclarationChanged() {
        try (LocalRuntime runtime = start(model(30))) {
            assertThat(queueAttributes(wire(runtime), "intake").path("VisibilityTimeout").asText()).isEqualTo("30");
        }
        try (LocalRuntime runtime = start(model(120))) {
            assertThat(queueAttributes(wire(runtime), "intake").path("VisibilityTimeout").asText()).isEqualTo("120");
            assertThat(report(runtime, "provisioning-storage").changes())
                    .containsExactly("queue intake: updated (VisibilityTimeout)");
        }
    }

    private static JsonNode queueAttributes(WireClient wire, String name) {
        String url = wire.call(Api.SQS, "GetQueueUrl", wire.request().put("QueueName", name)).path("QueueUrl").asText();
        ObjectNode request = wire.request().put("QueueUrl", url);
        request.putArray("AttributeNames").add("All");
        return wire.call(Api.SQS, "GetQueueAttributes", request).path("Attributes");
    }

    private static JsonNode parse(String json) {
        try {
            return WireClient.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
