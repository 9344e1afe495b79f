package io.nagare.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** Task states through the API: Lambda and service integrations, Retry, Catch, timeouts, task tokens, child executions. */
class TaskExecutionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION = "arn:aws:lambda:ap-northeast-1:000000000000:function:reserve-stock";

    private final FakeServices services = new FakeServices();
    private LocalStepFunctions local;

    private void start() {
        local = new LocalStepFunctions(new StepFunctionsServiceFactory().withInlineExecution().withServiceCalls(services));
    }

    @AfterEach
    void stop() {
        local.close();
    }

    private static ObjectNode lambdaAnswer(String payload) {
        try {
            ObjectNode answer = JSON.createObjectNode();
            answer.put("StatusCode", 200);
            answer.set("Payload", JSON.readTree(payload));
            return answer;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ObjectNode functionError(String type, String message) {
        ObjectNode answer = lambdaAnswer("{\"errorType\":\"" + type + "\",\"errorMessage\":\"" + message + "\"}");
        answer.put("FunctionError", "Unhandled");
        return answer;
    }

    private List<HistoryEventType> historyTypes(String executionArn) {
        return local.sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().stream()
                .map(HistoryEvent::type).toList();
    }

    @Test
    void lambdaTask_shouldPassPayloadAndRecordLambdaEvents_whenFunctionAnswers() throws Exception {
        services.answer("lambda:Invoke", request -> lambdaAnswer("{\"reserved\":" + request.get("Payload").get("qty") + "}"));
        start();
        String machine = local.createStateMachine("reserve", """
                {"StartAt":"Reserve","States":{"Reserve":{"Type":"Task","Resource":"%s","ResultPath":"$.stock","End":true}}}
                """.formatted(FUNCTION));

        String execution = local.start(machine, "{\"qty\":3}");

        assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(local.describe(execution).output()))
                .isEqualTo(JSON.readTree("{\"qty\":3,\"stock\":{\"reserved\":3}}"));
        assertThat(services.calls.get(0).request().get("FunctionName").asText()).isEqualTo(FUNCTION);
        assertThat(historyTypes(execution)).containsExactly(HistoryEventType.EXECUTION_STARTED,
                HistoryEventType.TASK_STATE_ENTERED, HistoryEventType.LAMBDA_FUNCTION_SCHEDULED,
                HistoryEventType.LAMBDA_FUNCTION_STARTED, HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED,
                HistoryEventType.TASK_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
    }

    @Test
    void retry_shouldWaitBackoffOnTheClock_whenTaskFailsThenSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        services.answer("lambda:Invoke", request -> attempts.incrementAndGet() == 1
                ? functionError("StockServiceBusy", "try later") : lambdaAnswer("{\"ok\":true}"));
        start();
        String machine = local.createStateMachine("retrying", """
                {"StartAt":"Reserve","States":{"Reserve":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                 "Parameters":{"FunctionName":"%s","Payload.$":"$"},"OutputPath":"$.Payload",
                 "Retry":[{"ErrorEquals":["StockServiceBusy"],"IntervalSeconds":3,"MaxAttempts":2}],"End":true}}}
                """.formatted(FUNCTION));

        String execution = local.start(machine, "{}");
        assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.RUNNING);
        local.clock.advance(Duration.ofSeconds(2));
        assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.RUNNING);
        local.clock.advance(Duration.ofSeconds(1));

        assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(local.describe(execution).output()).isEqualTo("{\"ok\":true}");
        assertThat(attempts).hasValue(2);
        assertThat(historyTypes(execution)).containsSubsequence(HistoryEventType.TASK_FAILED,
                HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_SUCCEEDED);
    }

    @Test
    void catch_shouldContinueWithErrorOutput_whenRetriesAreExhausted() throws Exception {
        services.answer("lambda:Invoke", request -> functionError("PaymentDeclined", "card refused"));
        start();
        String machine = local.createStateMachine("compensating", """
                {"StartAt":"Authorize","States":{
                  "Authorize":{"Type":"Task","Resource":"%s","Retry":[{"ErrorEquals":["States.TaskFailed"],"MaxAttempts":1,"IntervalSeconds":1}],
                    "Catch":[{"ErrorEquals":["PaymentDeclined"],"ResultPath":"$.error","Next":"Cancel"}],"End":true},
                  "Cancel":{"Type":"Pass","End":true}}}
                """.formatted(FUNCTION));

        String execution = local.start(machine, "{\"order\":\"o-1\"}");
        JsonNode output = JSON.readTree(local.awaitEnd(execution, Duration.ofSeconds(10)).output());

        assertThat(output.get("order").asText()).isEqualTo("o-1");
        assertThat(output.get("error").get("Error").asText()).isEqualTo("PaymentDeclined");
        assertThat(JSON.readTree(output.get("error").get("Cause").asText()).get("errorMessage").asText())
                .isEqualTo("card refused");
        assertThat(services.calls).hasSize(2);
    }

    @Test
    void uncaughtTaskError_shouldFailTheExecutionWithTheFunctionsErrorType_whenNoCatchMatches() {
        services.answer("lambda:Invoke", request -> functionError("OutOfStock", "sku-1"));
        start();
        String machine = local.createStateMachine("failing", """
                {"StartAt":"Reserve","States":{"Reserve":{"Type":"Task","Resource":"%s","End":true}}}
                """.formatted(FUNCTION));

        var described = local.describe(local.start(machine, "{}"));

        assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(described.error()).isEqualTo("OutOfStock");
        assertThat(described.cause()).contains("\"errorMessage\":\"sku-1\"");
    }

    @Test
    void serviceIntegration_shouldFailWithAClearCause_whenNoLocalServiceAnswers() {
        local = new LocalStepFunctions(new StepFunctionsServiceFactory().withInlineExecution()
                .withServiceCalls(AwsServiceCalls.unavailable()));
        String machine = local.createStateMachine("unwired", """
                {"StartAt":"Send","States":{"Send":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
                 "Parameters":{"QueueUrl":"http://localhost:4566/000000000000/orders","MessageBody":{"a":1}},"End":true}}}
                """);

        var described = local.describe(local.start(machine, "{}"));

        assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(described.error()).isEqualTo("States.TaskFailed");
        assertThat(described.cause()).contains("no local sqs service answers SendMessage");
    }

    @Test
    void executionStatusChanges_shouldBePublishedAsAwsStatesEvents_whenAnExecutionStartsAndEnds() {
        services.answer("lambda:Invoke", request -> lambdaAnswer("{}"));
        start();
        String machine = local.createStateMachine("observed", """
                {"StartAt":"Reserve","States":{"Reserve":{"Type":"Task","Resource":"%s","End":true}}}
                """.formatted(FUNCTION));

        String execution = local.start(machine, "{\"order\":1}");

        assertThat(services.statusEvents).extracting(e -> e.get("DetailType").asText())
                .containsOnly("Step Functions Execution Status Change");
        List<JsonNode> details = services.statusEvents.stream().map(e -> readTree(e.get("Detail").asText())).toList();
        assertThat(details).extracting(d -> d.get("status").asText()).containsExactly("RUNNING", "SUCCEEDED");
        assertThat(details.get(1).get("executionArn").asText()).isEqualTo(execution);
        assertThat(details.get(1).get("output").asText()).isEqualTo("{}");
        assertThat(services.statusEvents.get(0).get("Resources").get(0).asText()).isEqualTo(execution);
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void waitForTaskToken_shouldResumeWithTheOutput_whenSendTaskSuccessArrives() throws Exception {
        services.answer("sqs:SendMessage", request -> JSON.createObjectNode().put("MessageId", "m-1"));
        start();
        String machine = local.createStateMachine("callback", """
                {"StartAt":"Ship","States":{"Ship":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                 "Parameters":{"QueueUrl":"http://q","MessageBody":{"token.$":"$$.Task.Token","order.$":"$.order"}},
                 "ResultPath":"$.shipment","End":true}}}
                """);

        String execution = local.start(machine, "{\"order\":\"o-7\"}");
        assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.RUNNING);
        JsonNode body = JSON.readTree(services.calls.get(0).request().get("MessageBody").asText());
        assertThat(body.get("order").asText()).isEqualTo("o-7");
        String token = body.get("token").asText();

        local.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"carrier\":\"yamato\"}"));

        assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(local.describe(execution).output()).get("shipment").get("carrier").asText())
                .isEqualTo("yamato");
        assertThat(historyTypes(execution)).containsSubsequence(HistoryEventType.TASK_SCHEDULED,
                HistoryEventType.TASK_STARTED, HistoryEventType.TASK_SUBMITTED, HistoryEventType.TASK_SUCCEEDED);
        assertThatThrownBy(() -> local.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
    }

    @Test
    void sendTaskFailure_shouldFailTheTaskWithTheGivenError_whenNoCatchMatches() {
        services.answer("sqs:SendMessage", request -> JSON.createObjectNode().put("MessageId", "m-1"));
        start();
        String machine = local.createStateMachine("callback-fails", """
                {"StartAt":"Ship","States":{"Ship":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                 "Parameters":{"QueueUrl":"http://q","MessageBody.$":"$$.Task.Token"},"End":true}}}
                """);
        String execution = local.start(machine, "{}");
        String token = services.calls.get(0).request().get("MessageBody").asText();

        local.sfn.sendTaskFailure(b -> b.taskToken(token).error("CarrierRejected").cause("no capacity"));

        var described = local.describe(execution);
        assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(described.error()).isEqualTo("CarrierRejected");
        assertThat(described.cause()).isEqualTo("no capacity");
    }

    @Test
    void heartbeatSeconds_shouldTimeTheTaskOut_whenNoHeartbeatArrivesInTime() {
        services.answer("sqs:SendMessage", request -> JSON.createObjectNode().put("MessageId", "m-1"));
        start();
        String machine = local.createStateMachine("heartbeat", """
                {"StartAt":"Ship","States":{"Ship":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                 "HeartbeatSeconds":10,"TimeoutSeconds":100,
                 "Parameters":{"QueueUrl":"http://q","MessageBody.$":"$$.Task.Token"},"End":true}}}
                """);
        String execution = local.start(machine, "{}");
        String token = services.calls.get(0).request().get("MessageBody").asText();

        local.clock.advance(Duration.ofSeconds(8));
        local.sfn.sendTaskHeartbeat(b -> b.taskToken(token));
        local.clock.advance(Duration.ofSeconds(8));
        assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.RUNNING);
        local.clock.advance(Duration.ofSeconds(3));

        assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(local.describe(execution).error()).isEqualTo("States.HeartbeatTimeout");
        assertThat(historyTypes(execution)).contains(HistoryEventType.TASK_TIMED_OUT);
    }

    @Test
    void timeoutSeconds_shouldFailWithStatesTimeout_whenTheCallDoesNotAnswerInTime() {
        services.answerLater("lambda:Invoke", request -> new CompletableFuture<>());
        start();
        String machine = local.createStateMachine("slow", """
                {"StartAt":"Reserve","States":{"Reserve":{"Type":"Task","Resource":"%s","TimeoutSeconds":5,
                 "Catch":[{"ErrorEquals":["States.Timeout"],"Next":"TimedOut"}],"End":true},
                 "TimedOut":{"Type":"Fail","Error":"ReservationTimedOut"}}}
                """.formatted(FUNCTION));

        String execution = local.start(machine, "{}");
        local.clock.advance(Duration.ofSeconds(5));

        assertThat(local.describe(execution).error()).isEqualTo("ReservationTimedOut");
        assertThat(historyTypes(execution)).contains(HistoryEventType.LAMBDA_FUNCTION_TIMED_OUT);
    }

    @Test
    void startExecutionSync2_shouldReturnTheChildsParsedOutput_whenTheChildSucceeds() throws Exception {
        start();
        String child = local.createStateMachine("child", """
                {"StartAt":"Done","States":{"Done":{"Type":"Pass","Result":{"charged":true},"End":true}}}""");
        String parent = local.createStateMachine("parent", """
                {"StartAt":"Charge","States":{"Charge":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
                 "Parameters":{"StateMachineArn":"%s","Input":{"amount":10}},"OutputPath":"$.Output","End":true}}}
                """.formatted(child));

        String execution = local.start(parent, "{}");

        assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(local.describe(execution).output())).isEqualTo(JSON.readTree("{\"charged\":true}"));
        assertThat(local.sfn.listExecutions(b -> b.stateMachineArn(child)).executions()).hasSize(1);
    }

    @Test
    void lambdaWaitForTaskToken_shouldInvokeAsynchronouslyAndWaitForTheCallback() throws Exception {
        services.answer("lambda:Invoke", request -> JSON.createObjectNode().put("StatusCode", 202));
        start();
        String machine = local.createStateMachine("lambda-callback", """
                {"StartAt":"Approve","States":{"Approve":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                 "Parameters":{"FunctionName":"%s","InvocationType":"Event","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}
                """.formatted(FUNCTION));

        String execution = local.start(machine, "{}");
        JsonNode request = services.calls.get(0).request();
        assertThat(request.get("InvocationType").asText()).isEqualTo("Event");
        local.sfn.sendTaskSuccess(b -> b.taskToken(request.get("Payload").get("token").asText()).output("{\"approved\":true}"));

        assertThat(local.describe(execution).output()).isEqualTo("{\"approved\":true}");
    }

    @Test
    void dynamoDbAndEventBridgeTasks_shouldSendTheServiceRequestsStepFunctionsSends() throws Exception {
        services.answer("dynamodb:PutItem", request -> JSON.createObjectNode())
                .answer("events:PutEvents", request -> JSON.createObjectNode().put("FailedEntryCount", 0));
        start();
        String machine = local.createStateMachine("record-and-publish", """
                {"StartAt":"Save","States":{
                  "Save":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","ResultPath":null,
                    "Parameters":{"TableName":"orders","Item":{"pk":{"S.$":"$.order"}},"ConditionExpression":"attribute_not_exists(pk)"},
                    "Next":"Publish"},
                  "Publish":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents","ResultSelector":{"failed.$":"$.FailedEntryCount"},
                    "Parameters":{"Entries":[{"Source":"orders","DetailType":"OrderSaved","Detail":{"order.$":"$.order"}}]},"End":true}}}
                """);

        String execution = local.start(machine, "{\"order\":\"o-5\"}");

        assertThat(local.describe(execution).output()).isEqualTo("{\"failed\":0}");
        assertThat(services.calls.get(0).request().get("Item").get("pk").get("S").asText()).isEqualTo("o-5");
        assertThat(services.calls.get(1).request().get("Entries").get(0).get("Detail").asText())
                .isEqualTo("{\"order\":\"o-5\"}");
    }

    @Test
    void startExecution_shouldFailTheParentTask_whenASyncChildFails_andAnswerAtOnceWithoutSync() throws Exception {
        start();
        String child = local.createStateMachine("failing-child", """
                {"StartAt":"No","States":{"No":{"Type":"Fail","Error":"PaymentRefused","Cause":"limit"}}}""");
        String parent = local.createStateMachine("parent-of-failing", """
                {"StartAt":"Fire","States":{
                  "Fire":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution",
                    "Parameters":{"StateMachineArn":"%s","Name":"fire-and-forget"},"ResultPath":"$.started","Next":"Wait"},
                  "Wait":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
                    "Parameters":{"StateMachineArn":"%s"},"End":true}}}
                """.formatted(child, child));

        var described = local.describe(local.start(parent, "{}"));

        assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(described.error()).isEqualTo("States.TaskFailed");
        JsonNode childExecution = JSON.readTree(described.cause());
        assertThat(childExecution.get("Status").asText()).isEqualTo("FAILED");
        assertThat(childExecution.get("Error").asText()).isEqualTo("PaymentRefused");
        List<HistoryEvent> history = local.sfn.getExecutionHistory(b -> b.executionArn(described.executionArn())).events();
        String started = history.stream().filter(e -> e.type() == HistoryEventType.TASK_SUCCEEDED).findFirst()
                .orElseThrow().taskSucceededEventDetails().output();
        assertThat(JSON.readTree(started).get("ExecutionArn").asText())
                .isEqualTo("arn:aws:states:ap-northeast-1:000000000000:execution:failing-child:fire-and-forget");
    }

    @Test
    void mockedTestCase_shouldAnswerTasksFromTheMockConfig_whenStartedOnArnHashTestCase() throws Exception {
        JsonNode config = JSON.readTree("""
                {"StateMachines":{"mocked":{"TestCases":{"HappyPath":{"Reserve":"Reserved"}}}},
                 "MockedResponses":{"Reserved":{"0":{"Throw":{"Error":"Busy","Cause":"first"}},"1":{"Return":{"sku":"s-1"}}}}}
                """);
        local = new LocalStepFunctions(new StepFunctionsServiceFactory().withInlineExecution().withMockConfig(config));
        String machine = local.createStateMachine("mocked", """
                {"StartAt":"Reserve","States":{"Reserve":{"Type":"Task","Resource":"%s",
                 "Retry":[{"ErrorEquals":["Busy"],"IntervalSeconds":1}],"End":true}}}
                """.formatted(FUNCTION));

        String execution = local.start(machine + "#HappyPath", "{}");

        assertThat(local.awaitEnd(execution, Duration.ofSeconds(5)).output()).isEqualTo("{\"sku\":\"s-1\"}");
    }
}
