package io.nagare.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/** The Step Functions API through the AWS SDK: state machines, executions, history and AWS-shaped errors. */
class StepFunctionsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WAIT_THEN_PASS = """
            {"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":60,"Next":"Done"},"Done":{"Type":"Pass","End":true}}}""";
    private static final String PASS = """
            {"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}""";

    private final LocalStepFunctions local = LocalStepFunctions.inline();

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void createStateMachine_shouldAnswerAwsArnAndDescribeIt_whenDefinitionIsValid() {
        String arn = local.createStateMachine("order-fulfilment", PASS);

        assertThat(arn).isEqualTo("arn:aws:states:ap-northeast-1:000000000000:stateMachine:order-fulfilment");
        var described = local.sfn.describeStateMachine(b -> b.stateMachineArn(arn));
        assertThat(described.definition()).isEqualTo(PASS);
        assertThat(described.typeAsString()).isEqualTo("STANDARD");
        assertThat(local.sfn.listStateMachines(b -> b.maxResults(10)).stateMachines())
                .extracting(m -> m.name()).containsExactly("order-fulfilment");
    }

    @Test
    void createStateMachine_shouldAnswerInvalidDefinition_whenATransitionTargetIsMissing() {
        assertThatThrownBy(() -> local.createStateMachine("broken", """
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}"""))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/A");
    }

    @Test
    void updateStateMachine_shouldApplyToNewExecutions_whileRunningOnesKeepTheirDefinition() {
        String arn = local.createStateMachine("versioned", """
                {"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":10,"Next":"Done"},
                 "Done":{"Type":"Pass","Result":"v1","End":true}}}""");
        String old = local.start(arn, "{}");

        local.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition("""
                {"StartAt":"Done","States":{"Done":{"Type":"Pass","Result":"v2","End":true}}}"""));
        String current = local.start(arn, "{}");
        local.clock.advance(Duration.ofSeconds(10));

        assertThat(local.describe(old).output()).isEqualTo("\"v1\"");
        assertThat(local.describe(current).output()).isEqualTo("\"v2\"");
        assertThat(local.sfn.describeStateMachineForExecution(b -> b.executionArn(old)).definition()).contains("v1");
        assertThat(local.sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition()).contains("v2");
    }

    @Test
    void validateStateMachineDefinition_shouldListDiagnosticsWithLocations_whenDefinitionHasErrors() {
        var result = local.sfn.validateStateMachineDefinition(b -> b.definition("""
                {"StartAt":"A","States":{"A":{"Type":"Task","End":true,"Bogus":1}}}"""));

        assertThat(result.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(result.diagnostics()).extracting(d -> d.code() + " " + d.location())
                .contains("SCHEMA_VALIDATION_FAILED /States/A", "SCHEMA_VALIDATION_FAILED /States/A/Bogus");
        assertThat(local.sfn.validateStateMachineDefinition(b -> b.definition(PASS)).result())
                .isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    }

    @Test
    void describe_shouldAnswerAwsErrors_whenArnsAreMalformedOrUnknown() {
        assertThatThrownBy(() -> local.sfn.describeStateMachine(b -> b.stateMachineArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> local.sfn.describeStateMachine(b -> b.stateMachineArn(
                "arn:aws:states:ap-northeast-1:000000000000:stateMachine:missing")))
                .isInstanceOf(StateMachineDoesNotExistException.class)
                .hasMessageContaining("State Machine Does Not Exist");
        assertThatThrownBy(() -> local.describe("arn:aws:states:ap-northeast-1:000000000000:execution:m:e"))
                .isInstanceOf(ExecutionDoesNotExistException.class);
    }

    @Test
    void startExecution_shouldRejectInputThatIsNotJsonOrTooLarge() {
        String arn = local.createStateMachine("inputs", PASS);

        assertThatThrownBy(() -> local.start(arn, "{not json"))
                .isInstanceOf(InvalidExecutionInputException.class);
        String large = "{\"blob\":\"" + "x".repeat(256 * 1024) + "\"}";
        assertThatThrownBy(() -> local.start(arn, large)).isInstanceOf(InvalidExecutionInputException.class);
    }

    @Test
    void startExecution_shouldBeIdempotentForSameNameAndInput_andRejectADifferentInput() {
        String arn = local.createStateMachine("named", WAIT_THEN_PASS);
        String first = local.sfn.startExecution(b -> b.stateMachineArn(arn).name("order-1").input("{\"a\":1}")).executionArn();

        assertThat(local.sfn.startExecution(b -> b.stateMachineArn(arn).name("order-1").input("{\"a\":1}")).executionArn())
                .isEqualTo(first).isEqualTo("arn:aws:states:ap-northeast-1:000000000000:execution:named:order-1");
        assertThatThrownBy(() -> local.sfn.startExecution(b -> b.stateMachineArn(arn).name("order-1").input("{\"a\":2}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    @Test
    void waitState_shouldKeepTheExecutionRunningUntilTheClockReachesIt() {
        String arn = local.createStateMachine("waiting", WAIT_THEN_PASS);
        String execution = local.start(arn, "{\"x\":1}");

        local.clock.advance(Duration.ofSeconds(59));
        assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.RUNNING);
        local.clock.advance(Duration.ofSeconds(1));

        assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(local.describe(execution).output()).isEqualTo("{\"x\":1}");
    }

    @Test
    void listExecutions_shouldFilterByStatusAndPageNewestFirst() {
        String arn = local.createStateMachine("listed", WAIT_THEN_PASS);
        String first = local.start(arn, "{}");
        local.clock.advance(Duration.ofSeconds(60));
        String second = local.start(arn, "{}");
        local.clock.advance(Duration.ofSeconds(1));
        String third = local.start(arn, "{}");

        ListExecutionsResponse page = local.sfn.listExecutions(b -> b.stateMachineArn(arn).maxResults(2));
        assertThat(page.executions()).extracting(e -> e.executionArn()).containsExactly(third, second);
        ListExecutionsResponse rest = local.sfn.listExecutions(b -> b.stateMachineArn(arn).maxResults(2)
                .nextToken(page.nextToken()));
        assertThat(rest.executions()).extracting(e -> e.executionArn()).containsExactly(first);
        assertThat(rest.nextToken()).isNull();
        assertThat(local.sfn.listExecutions(b -> b.stateMachineArn(arn).statusFilter(ExecutionStatus.SUCCEEDED))
                .executions()).extracting(e -> e.executionArn()).containsExactly(first);
    }

    @Test
    void getExecutionHistory_shouldPageInBothOrdersWithChainedEventIds() {
        String arn = local.createStateMachine("history", WAIT_THEN_PASS);
        String execution = local.start(arn, "{\"x\":1}");
        local.clock.advance(Duration.ofSeconds(60));

        List<HistoryEvent> all = local.sfn.getExecutionHistory(b -> b.executionArn(execution)).events();
        assertThat(all).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED,
                HistoryEventType.WAIT_STATE_ENTERED, HistoryEventType.WAIT_STATE_EXITED,
                HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(all).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(all).extracting(HistoryEvent::previousEventId).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(all.get(1).stateEnteredEventDetails().input()).isEqualTo("{\"x\":1}");
        assertThat(all.get(2).timestamp()).isEqualTo(all.get(1).timestamp().plusSeconds(60));

        GetExecutionHistoryResponse newest = local.sfn.getExecutionHistory(b -> b.executionArn(execution)
                .reverseOrder(true).maxResults(4));
        assertThat(newest.events()).extracting(HistoryEvent::id).containsExactly(6L, 5L, 4L, 3L);
        assertThat(local.sfn.getExecutionHistory(b -> b.executionArn(execution).reverseOrder(true).maxResults(4)
                .nextToken(newest.nextToken())).events()).extracting(HistoryEvent::id).containsExactly(2L, 1L);
    }

    @Test
    void stopExecution_shouldAbortARunningExecution() {
        String arn = local.createStateMachine("stopped", WAIT_THEN_PASS);
        String execution = local.start(arn, "{}");

        local.sfn.stopExecution(b -> b.executionArn(execution).error("Operator").cause("cancelled by support"));
        local.clock.advance(Duration.ofSeconds(60));

        var described = local.describe(execution);
        assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(described.error()).isEqualTo("Operator");
        assertThat(local.sfn.getExecutionHistory(b -> b.executionArn(execution).reverseOrder(true)).events().get(0)
                .type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
    }

    @Test
    void redriveExecution_shouldRestartAtTheFailedState_andCountTheRedrive() {
        String arn = local.createStateMachine("redriven", """
                {"StartAt":"Check","States":{"Check":{"Type":"Choice","Choices":[
                  {"Variable":"$$.Execution.RedriveCount","NumericEquals":0,"Next":"Fail"}],"Default":"Done"},
                 "Fail":{"Type":"Fail","Error":"FirstRun"},"Done":{"Type":"Pass","End":true}}}""");
        String execution = local.start(arn, "{}");
        assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(local.describe(execution).redriveStatusAsString()).isEqualTo("REDRIVABLE");

        local.sfn.redriveExecution(b -> b.executionArn(execution));

        var described = local.describe(execution);
        assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(described.redriveCount()).isEqualTo(1);
        assertThat(local.sfn.getExecutionHistory(b -> b.executionArn(execution)).events())
                .extracting(HistoryEvent::type).contains(HistoryEventType.EXECUTION_REDRIVEN);
        local.clock.advance(Duration.ofDays(15));
        assertThat(local.describe(execution).redriveStatusAsString()).isEqualTo("NOT_REDRIVABLE");
        assertThatThrownBy(() -> local.sfn.redriveExecution(b -> b.executionArn(execution)))
                .isInstanceOf(software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException.class);
    }

    @Test
    void startSyncExecution_shouldAnswerTheResult_forExpressOnly() {
        String express = local.createStateMachine("express", """
                {"StartAt":"Done","States":{"Done":{"Type":"Pass","Result":{"ok":true},"End":true}}}""",
                StateMachineType.EXPRESS);
        String standard = local.createStateMachine("standard", PASS);

        var result = local.sfn.startSyncExecution(b -> b.stateMachineArn(express).input("{}"));

        assertThat(result.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
        assertThat(result.output()).isEqualTo("{\"ok\":true}");
        assertThat(result.executionArn()).startsWith("arn:aws:states:ap-northeast-1:000000000000:express:express:");
        assertThatThrownBy(() -> local.sfn.startSyncExecution(b -> b.stateMachineArn(standard).input("{}")))
                .isInstanceOf(StateMachineTypeNotSupportedException.class);
    }

    @Test
    void testState_shouldRunOneStateAndNameTheNextOne_whenItSucceeds() {
        var result = local.sfn.testState(b -> b.roleArn(LocalStepFunctions.ROLE).input("{\"qty\":2,\"price\":5}")
                .definition("""
                        {"Type":"Pass","Parameters":{"total.$":"States.MathAdd($.qty, $.price)"},"Next":"Charge"}"""));

        assertThat(result.statusAsString()).isEqualTo("SUCCEEDED");
        assertThat(result.output()).isEqualTo("{\"total\":7}");
        assertThat(result.nextState()).isEqualTo("Charge");
    }

    @Test
    void testState_shouldReportRetriableAndCaughtErrors_fromAMockedTask() {
        String task = """
                {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"pay"},
                 "Retry":[{"ErrorEquals":["Busy"]}],"Catch":[{"ErrorEquals":["Declined"],"ResultPath":"$.error","Next":"Refund"}],
                 "Next":"Ship"}""";

        var retriable = local.sfn.testState(b -> b.roleArn(LocalStepFunctions.ROLE).input("{}").definition(task)
                .mock(m -> m.errorOutput(e -> e.error("Busy").cause("try later"))));
        var caught = local.sfn.testState(b -> b.roleArn(LocalStepFunctions.ROLE).input("{}").definition(task)
                .mock(m -> m.errorOutput(e -> e.error("Declined").cause("no funds"))));
        var mocked = local.sfn.testState(b -> b.roleArn(LocalStepFunctions.ROLE).input("{}").definition(task)
                .mock(m -> m.result("{\"Payload\":{\"ok\":true}}")));

        assertThat(retriable.statusAsString()).isEqualTo("RETRIABLE");
        assertThat(retriable.error()).isEqualTo("Busy");
        assertThat(caught.statusAsString()).isEqualTo("CAUGHT_ERROR");
        assertThat(caught.nextState()).isEqualTo("Refund");
        assertThat(caught.output()).isEqualTo("{\"error\":{\"Error\":\"Declined\",\"Cause\":\"no funds\"}}");
        assertThat(mocked.statusAsString()).isEqualTo("SUCCEEDED");
        assertThat(mocked.output()).isEqualTo("{\"Payload\":{\"ok\":true}}");
        assertThat(mocked.nextState()).isEqualTo("Ship");
    }

    @Test
    void malformedRequest_shouldAnswerA400WithAnAwsErrorType_neverA500() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(local.runtime.endpointUrl()))
                .header("X-Amz-Target", "AWSStepFunctions.StartExecution")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{\"stateMachineArn\": 12")).build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(local.runtime.endpointUrl()))
                .header("X-Amz-Target", "AWSStepFunctions.StartExecution")
                .POST(HttpRequest.BodyPublishers.ofString("{\"stateMachineArn\": 12}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).endsWith("SerializationException");
        assertThat(unknown.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(unknown.body());
        assertThat(error.get("__type").asText()).endsWith("SerializationException");
    }
}
