package io.nagare.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionDiagnostic;

/** Amazon States Language rules users rely on that the recorded conformance cases do not reach. */
class LanguageSemanticsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStepFunctions local = LocalStepFunctions.inline();
    private int machines;

    @AfterEach
    void stop() {
        local.close();
    }

    private DescribeExecutionResponse run(String definition, String input) {
        String arn = local.createStateMachine("m" + machines++, definition);
        return local.awaitEnd(local.start(arn, input), Duration.ofHours(1));
    }

    private List<HistoryEventType> history(DescribeExecutionResponse execution) {
        return local.sfn.getExecutionHistory(b -> b.executionArn(execution.executionArn())).events().stream()
                .map(HistoryEvent::type).toList();
    }

    @Test
    void choice_shouldMatchWildcardsTimestampPathsAndPresence() {
        String definition = """
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
                  {"And":[{"Variable":"$.sku","StringMatches":"SKU-*-\\\\*"},
                          {"Variable":"$.shipBy","TimestampLessThanPath":"$.deadline"},
                          {"Variable":"$.coupon","IsPresent":false}],"Next":"Yes"}],"Default":"No"},
                 "Yes":{"Type":"Pass","Result":"yes","End":true},"No":{"Type":"Pass","Result":"no","End":true}}}""";

        assertThat(run(definition, """
                {"sku":"SKU-12-*","shipBy":"2026-01-01T00:00:00Z","deadline":"2026-01-02T00:00:00+09:00"}""").output())
                .isEqualTo("\"yes\"");
        assertThat(run(definition, """
                {"sku":"SKU-12-x","shipBy":"2026-01-01T00:00:00Z","deadline":"2026-01-02T00:00:00Z"}""").output())
                .isEqualTo("\"no\"");
    }

    @Test
    void choice_shouldFailWithStatesRuntime_whenTheComparedVariableIsMissing() {
        DescribeExecutionResponse execution = run("""
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.total","NumericGreaterThan":10,
                 "Next":"Done"}],"Default":"Done"},"Done":{"Type":"Succeed"}}}""", "{}");

        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).isEqualTo("An error occurred while executing the state 'C' (entered at the event id "
                + "#2). Invalid path '$.total': The choice state's condition path references an invalid value.");
    }

    @Test
    void catchStatesAll_shouldNotCatchStatesRuntime_butCatchResultPathAndIntrinsicFailures() throws Exception {
        String catching = """
                {"StartAt":"S","States":{"S":{"Type":"Parallel","Branches":[{"StartAt":"P","States":{"P":%s}}],
                 "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
                 "Caught":{"Type":"Pass","End":true}}}""";

        Ended runtime = new Ended(run(catching.formatted("""
                {"Type":"Pass","InputPath":"$.missing","End":true}"""), "{}"));
        Ended resultPath = new Ended(run(catching.formatted("""
                {"Type":"Pass","Result":1,"ResultPath":"$.x","End":true}"""), "\"text\""));
        Ended intrinsic = new Ended(run(catching.formatted("""
                {"Type":"Pass","Parameters":{"v.$":"States.ArrayGetItem($.list, 5)"},"End":true}"""), "{\"list\":[1]}"));

        assertThat(runtime.response.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(runtime.response.error()).isEqualTo("States.Runtime");
        assertThat(runtime.response.cause()).endsWith("Invalid path '$.missing' : No results for path: $['missing']");
        assertThat(resultPath.errorCaught()).isEqualTo("States.ResultPathMatchFailure");
        assertThat(intrinsic.errorCaught()).isEqualTo("States.IntrinsicFailure");
    }

    /** An execution that ended, and the error its catcher caught. */
    private static final class Ended {
        final DescribeExecutionResponse response;

        Ended(DescribeExecutionResponse response) {
            this.response = response;
        }

        String errorCaught() throws Exception {
            assertThat(response.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            return JSON.readTree(response.output()).get("Error").asText();
        }
    }

    @Test
    void map_shouldTolerateFailuresUpToTheCount_andFailWithThresholdExceededBeyond() {
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":1,"ItemProcessor":{"StartAt":"C",
                 "States":{"C":{"Type":"Choice","Choices":[{"Variable":"$","NumericLessThan":0,"Next":"Bad"}],"Default":"Ok"},
                 "Bad":{"Type":"Fail","Error":"Negative"},"Ok":{"Type":"Pass","End":true}}},"End":true}}}""";

        assertThat(run(definition, "[1,-1,2]").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        DescribeExecutionResponse exceeded = run(definition, "[1,-1,-2]");
        assertThat(exceeded.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(history(exceeded)).contains(HistoryEventType.MAP_ITERATION_FAILED, HistoryEventType.MAP_STATE_FAILED);
    }

    @Test
    void parallel_shouldAbortTheOtherBranches_whenOneFails() {
        DescribeExecutionResponse execution = run("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"Slow","States":{"Slow":{"Type":"Wait","Seconds":30,"End":true}}},
                  {"StartAt":"Boom","States":{"Boom":{"Type":"Fail","Error":"Broken","Cause":"branch 2"}}}]}}}""", "{}");

        assertThat(execution.error()).isEqualTo("Broken");
        assertThat(execution.cause()).isEqualTo("branch 2");
        assertThat(history(execution)).containsSubsequence(HistoryEventType.FAIL_STATE_ENTERED,
                HistoryEventType.WAIT_STATE_ABORTED, HistoryEventType.PARALLEL_STATE_FAILED,
                HistoryEventType.EXECUTION_FAILED);
    }

    @Test
    void timeoutSeconds_shouldTimeTheExecutionOut_whenItRunsLonger() {
        DescribeExecutionResponse execution = run("""
                {"TimeoutSeconds":10,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""", "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(execution.error()).isEqualTo("States.Timeout");
        assertThat(execution.stopDate()).isEqualTo(execution.startDate().plusSeconds(10));
    }

    @Test
    void jsonata_shouldCarryVariablesAndShapeCatchOutput_withStatesResultAndErrorOutput() {
        DescribeExecutionResponse execution = run("""
                {"QueryLanguage":"JSONata","StartAt":"Price","States":{
                  "Price":{"Type":"Pass","Assign":{"total":"{% $sum($states.input.lines.(qty * price)) %}"},"Next":"Check"},
                  "Check":{"Type":"Parallel","Branches":[{"StartAt":"Limit","States":{"Limit":{"Type":"Fail",
                      "Error":"{% $total > 100 ? 'TooLarge' : 'Other' %}","Cause":"{% $string($total) %}"}}}],
                    "Catch":[{"ErrorEquals":["TooLarge"],"Output":{"rejected":"{% $states.errorOutput.Cause %}"},
                      "Assign":{"reason":"{% $states.errorOutput.Error %}"},"Next":"Report"}],"End":true},
                  "Report":{"Type":"Pass","Output":{"reason":"{% $reason %}","total":"{% $total %}","input":"{% $states.input %}"},
                    "End":true}}}""", """
                {"lines":[{"qty":3,"price":40},{"qty":1,"price":5}]}""");

        assertThat(execution.output())
                .isEqualTo("{\"reason\":\"TooLarge\",\"total\":125,\"input\":{\"rejected\":\"125\"}}");
    }

    @Test
    void waitTimestampPath_shouldWaitUntilTheTimestampInTheInput() {
        String arn = local.createStateMachine("until", """
                {"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.at","End":true}}}""");
        String execution = local.start(arn, "{\"at\":\"2026-01-01T00:05:00Z\"}");

        local.clock.advance(Duration.ofMinutes(4));
        assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.RUNNING);
        local.clock.advance(Duration.ofMinutes(1));
        assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void stateOutput_shouldFailWithDataLimitExceeded_whenLargerThan256KiB() {
        DescribeExecutionResponse execution = run("""
                {"StartAt":"Grow","States":{"Grow":{"Type":"Pass",
                 "Parameters":{"copies.$":"States.Array($.blob, $.blob, $.blob)"},"End":true}}}""",
                "{\"blob\":\"" + "x".repeat(100_000) + "\"}");

        assertThat(execution.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(execution.cause()).contains("'Grow' returned a result with a size exceeding");
    }

    @Test
    void validation_shouldReportLanguageMixingMisplacedWildcardsAndUnreachableStates() {
        List<ValidateStateMachineDefinitionDiagnostic> diagnostics = local.sfn.validateStateMachineDefinition(b ->
                b.definition("""
                        {"QueryLanguage":"JSONata","StartAt":"A","States":{
                          "A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","InputPath":"$.x",
                               "Catch":[{"ErrorEquals":["States.ALL"],"Next":"B"},{"ErrorEquals":["E"],"Next":"B"}],"End":true},
                          "B":{"Type":"Succeed"},"Orphan":{"Type":"Succeed"}}}""")).diagnostics();

        assertThat(diagnostics).extracting(d -> d.code() + " " + d.location()).contains(
                "SCHEMA_VALIDATION_FAILED /States/A/InputPath",
                "SCHEMA_VALIDATION_FAILED /States/A/Catch/0/ErrorEquals",
                "UNREACHABLE_STATE /States/Orphan");
    }
}
