package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.nagare.local.eventbridge.EventBridgeServiceFactory;
import io.nagare.local.lambda.handlers.ReservationHandler;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.ManualClock;
import io.nagare.local.stepfunctions.StepFunctionsServiceFactory;
import io.nagare.platform.model.PlatformModel;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * End to end through three real local services: an EventBridge rule whose target is a state machine
 * (StartExecution with the event as input), the execution running, and its task invoking a Lambda function.
 */
class StepFunctionsTargetTest {

    private static final String FUNCTION = "arn:aws:lambda:ap-northeast-1:000000000000:function:reserve-stock";

    private static LocalRuntime runtime;
    private static EventBridgeClient events;
    private static SfnClient sfn;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder().port(0).discoverServices(false).clock(new ManualClock(LocalLambda.START))
                .service(new StepFunctionsServiceFactory().withInlineExecution())
                .service(new EventBridgeServiceFactory())
                .service(new LambdaServiceFactory(PlatformModel.builder().owner("inventory")
                        .function("reserve-stock", f -> f.handler(ReservationHandler.class))
                        .build()).withInlineDispatch().withLogSink(FunctionLogSink.discard()))
                .start();
        AwsBasicCredentials credentials = AwsBasicCredentials.create("test", "test");
        events = EventBridgeClient.builder().endpointOverride(URI.create(runtime.endpointUrl()))
                .region(Region.AP_NORTHEAST_1).credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        sfn = SfnClient.builder().endpointOverride(URI.create(runtime.endpointUrl()))
                .region(Region.AP_NORTHEAST_1).credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterAll
    static void stop() {
        events.close();
        sfn.close();
        runtime.close();
    }

    @Test
    void rule_shouldStartTheStateMachine_whoseExecutionRunsItsLambdaTaskToSuccess() throws Exception {
        String stateMachineArn = sfn.createStateMachine(b -> b.name("fulfil")
                .roleArn("arn:aws:iam::000000000000:role/fulfil")
                .definition("""
                        {"StartAt": "Reserve", "States": {"Reserve": {
                          "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                          "Parameters": {"FunctionName": "%s", "Payload": {"orderId.$": "$.detail.orderId"}},
                          "OutputPath": "$.Payload", "End": true}}}
                        """.formatted(FUNCTION))).stateMachineArn();
        events.putRule(b -> b.name("order-placed-to-fulfilment")
                .eventPattern("{\"source\": [\"nagare.orders\"], \"detail-type\": [\"OrderPlaced\"]}"));
        events.putTargets(b -> b.rule("order-placed-to-fulfilment").targets(t -> t.id("saga").arn(stateMachineArn)
                .roleArn("arn:aws:iam::000000000000:role/events-to-sfn")));

        events.putEvents(b -> b.entries(e -> e.source("nagare.orders").detailType("OrderPlaced")
                .detail("{\"orderId\": \"o-77\"}")));

        Map<String, Object> taskInput = ReservationHandler.INPUTS.poll(10, TimeUnit.SECONDS);
        assertThat(taskInput).containsEntry("orderId", "o-77");
        DescribeExecutionResponse execution = awaitEnd(stateMachineArn);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.input()).contains("\"detail-type\":\"OrderPlaced\"").contains("\"o-77\"");
        // The handler answers a Map.of, whose iteration order (hence the JSON member order) is not fixed.
        assertThat(Jsons.parse(execution.output().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Jsons.parse("{\"orderId\":\"o-77\",\"reserved\":true}".getBytes(StandardCharsets.UTF_8)));
    }

    /** The state machine's one execution once it has ended; the function has answered, so only its last step is left. */
    private static DescribeExecutionResponse awaitEnd(String stateMachineArn) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            List<ExecutionListItem> executions = sfn.listExecutions(b -> b.stateMachineArn(stateMachineArn))
                    .executions();
            assertThat(executions).hasSize(1);
            DescribeExecutionResponse execution = sfn.describeExecution(b -> b.executionArn(
                    executions.get(0).executionArn()));
            if (execution.status() != ExecutionStatus.RUNNING || System.nanoTime() > deadline) {
                return execution;
            }
            Thread.onSpinWait();
        }
    }
}
