package io.nagare.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * Executions survive a crash: the store file is copied while the first runtime is still running (what kill -9 would
 * leave on disk), and a second runtime started on the copy continues every in-flight execution.
 */
class DurableExecutionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runningExecutions_shouldContinueFromTheirLastTransition_whenARuntimeStartsOnACrashedStore(
            @TempDir Path first, @TempDir Path second) throws Exception {
        FakeServices services = new FakeServices()
                .answer("sqs:SendMessage", request -> JSON.createObjectNode().put("MessageId", "m-1"));
        String waiting;
        String callback;
        String token;
        try (LocalStepFunctions crashed = new LocalStepFunctions(new StepFunctionsServiceFactory()
                .withInlineExecution().withServiceCalls(services), first)) {
            String saga = crashed.createStateMachine("saga", """
                    {"StartAt":"Prepare","States":{
                      "Prepare":{"Type":"Pass","Assign":{"orderId.$":"$.order"},"Next":"Both"},
                      "Both":{"Type":"Parallel","Next":"Cool","Branches":[
                        {"StartAt":"Slow","States":{"Slow":{"Type":"Wait","Seconds":30,"Next":"SlowDone"},
                                                    "SlowDone":{"Type":"Pass","Result":"slow","End":true}}},
                        {"StartAt":"Fast","States":{"Fast":{"Type":"Pass","Result":"fast","End":true}}}]},
                      "Cool":{"Type":"Wait","Seconds":60,"Next":"Done"},
                      "Done":{"Type":"Pass","Parameters":{"branches.$":"$","order.$":"$orderId"},"End":true}}}""");
            String shipping = crashed.createStateMachine("shipping", """
                    {"StartAt":"Ship","States":{"Ship":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                     "Parameters":{"QueueUrl":"http://q","MessageBody.$":"$$.Task.Token"},"End":true}}}""");
            waiting = crashed.start(saga, "{\"order\":\"o-42\"}");
            callback = crashed.start(shipping, "{}");
            token = services.calls.get(0).request().get("MessageBody").asText();
            crashed.clock.advance(Duration.ofSeconds(10));

            Files.copy(first.resolve("stepfunctions.mv.db"), second.resolve("stepfunctions.mv.db"));
        }

        try (LocalStepFunctions restarted = new LocalStepFunctions(new StepFunctionsServiceFactory()
                .withInlineExecution().withServiceCalls(services), second)) {
            restarted.clock.advance(Duration.ofSeconds(10));
            assertThat(restarted.describe(waiting).status()).isEqualTo(ExecutionStatus.RUNNING);

            restarted.clock.advance(Duration.ofSeconds(100));
            restarted.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"shipped\":true}"));

            var saga = restarted.describe(waiting);
            assertThat(saga.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(JSON.readTree(saga.output())).isEqualTo(JSON.readTree(
                    "{\"branches\":[\"slow\",\"fast\"],\"order\":\"o-42\"}"));
            assertThat(restarted.describe(callback).output()).isEqualTo("{\"shipped\":true}");
            List<HistoryEvent> history = restarted.sfn.getExecutionHistory(b -> b.executionArn(waiting)).events();
            assertThat(history).extracting(HistoryEvent::id)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, history.size()).boxed().toList());
            assertThat(history).extracting(HistoryEvent::type).containsSubsequence(HistoryEventType.PARALLEL_STATE_STARTED,
                    HistoryEventType.WAIT_STATE_EXITED, HistoryEventType.PARALLEL_STATE_SUCCEEDED,
                    HistoryEventType.EXECUTION_SUCCEEDED);
            assertThat(history).filteredOn(e -> e.type() == HistoryEventType.PASS_STATE_ENTERED
                    && e.stateEnteredEventDetails().name().equals("Fast")).hasSize(1);
        }
    }

    @Test
    void waitForTaskToken_shouldCallAgain_whenItsCallWasInFlightAtTheCrash(@TempDir Path first, @TempDir Path second)
            throws Exception {
        FakeServices neverAnswers = new FakeServices()
                .answerLater("lambda:Invoke", request -> new java.util.concurrent.CompletableFuture<>());
        FakeServices answers = new FakeServices().answer("lambda:Invoke", request -> JSON.createObjectNode()
                .put("StatusCode", 200).set("Payload", JSON.createObjectNode()));
        String definition = """
                {"StartAt":"Ship","States":{"Ship":{"Type":"Task",
                  "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","HeartbeatSeconds":3600,
                  "Parameters":{"FunctionName":"request-shipment","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}""";
        String execution;
        String lostToken;
        try (LocalStepFunctions crashed = new LocalStepFunctions(new StepFunctionsServiceFactory()
                .withInlineExecution().withServiceCalls(neverAnswers), first)) {
            execution = crashed.start(crashed.createStateMachine("shipping", definition), "{}");
            lostToken = neverAnswers.calls.get(0).request().at("/Payload/token").asText();
            Files.copy(first.resolve("stepfunctions.mv.db"), second.resolve("stepfunctions.mv.db"));
        }

        try (LocalStepFunctions restarted = new LocalStepFunctions(new StepFunctionsServiceFactory()
                .withInlineExecution().withServiceCalls(answers), second)) {
            restarted.clock.advance(Duration.ofSeconds(1));

            assertThat(answers.calls).as("the in-flight call is made again").hasSize(1);
            String token = answers.calls.get(0).request().at("/Payload/token").asText();
            assertThat(token).isNotEqualTo(lostToken);
            restarted.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"shipped\":true}"));
            assertThat(restarted.describe(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }
    }

    @Test
    void mapIterationsAndRetries_shouldResumeWhereTheyWere_whenARuntimeStartsOnACrashedStore(
            @TempDir Path first, @TempDir Path second, @TempDir Path third) throws Exception {
        java.util.concurrent.atomic.AtomicInteger reserveCalls = new java.util.concurrent.atomic.AtomicInteger();
        FakeServices services = new FakeServices()
                .answer("sqs:SendMessage", request -> JSON.createObjectNode().put("MessageId", "m"))
                .answer("lambda:Invoke", request -> {
                    ObjectNode answer = JSON.createObjectNode().put("StatusCode", 200);
                    if (reserveCalls.incrementAndGet() == 1) {
                        answer.put("FunctionError", "Unhandled");
                        answer.set("Payload", JSON.createObjectNode().put("errorType", "Busy"));
                    } else {
                        answer.set("Payload", JSON.createObjectNode().put("reserved", true));
                    }
                    return answer;
                });
        String execution;
        try (LocalStepFunctions crashed = new LocalStepFunctions(new StepFunctionsServiceFactory()
                .withInlineExecution().withServiceCalls(services), first)) {
            String arn = crashed.createStateMachine("fan-out", """
                    {"StartAt":"Reserve","States":{
                      "Reserve":{"Type":"Task","Resource":"arn:aws:lambda:ap-northeast-1:000000000000:function:reserve",
                        "Retry":[{"ErrorEquals":["Busy"],"IntervalSeconds":20}],"ResultPath":"$.stock","Next":"Ship"},
                      "Ship":{"Type":"Map","ItemsPath":"$.parcels","MaxConcurrency":2,"ItemProcessor":{"StartAt":"Carrier",
                        "States":{"Carrier":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                          "Parameters":{"QueueUrl":"http://q","MessageBody":{"token.$":"$$.Task.Token","parcel.$":"$"}},
                          "End":true}}},"ResultPath":"$.shipped","End":true}}}""");
            execution = crashed.start(arn, "{\"parcels\":[\"p1\",\"p2\",\"p3\"]}");
            assertThat(reserveCalls).hasValue(1);
            Files.copy(first.resolve("stepfunctions.mv.db"), second.resolve("stepfunctions.mv.db"));
        }

        try (LocalStepFunctions restarted = new LocalStepFunctions(new StepFunctionsServiceFactory()
                .withInlineExecution().withServiceCalls(services), second)) {
            restarted.clock.advance(Duration.ofSeconds(20));
            assertThat(reserveCalls).hasValue(2);
            assertThat(services.calls).filteredOn(c -> c.service().equals("sqs")).hasSize(2);
            // Steps run by a timer are committed in the background; an acknowledged write commits them too.
            restarted.createStateMachine("checkpoint", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}");
            Files.copy(second.resolve("stepfunctions.mv.db"), third.resolve("stepfunctions.mv.db"));
        }

        try (LocalStepFunctions restarted = new LocalStepFunctions(new StepFunctionsServiceFactory()
                .withInlineExecution().withServiceCalls(services), third)) {
            for (int answered = 0; answered < 3; answered++) {
                FakeServices.Call call = services.calls.stream().filter(c -> c.service().equals("sqs"))
                        .skip(answered).findFirst().orElseThrow();
                JsonNode body = JSON.readTree(call.request().get("MessageBody").asText());
                restarted.sfn.sendTaskSuccess(b -> b.taskToken(body.get("token").asText())
                        .output("\"" + body.get("parcel").asText() + "-shipped\""));
            }

            var done = restarted.describe(execution);
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(JSON.readTree(done.output()).get("shipped")).isEqualTo(
                    JSON.readTree("[\"p1-shipped\",\"p2-shipped\",\"p3-shipped\"]"));
        }
    }

    @Test
    void aTaskInFlightAtTheCrash_shouldBeCalledAgain_throughTheRestartedRuntimesOwnServices(
            @TempDir Path first, @TempDir Path second) throws Exception {
        FakeServices hanging = new FakeServices()
                .answerLater("sqs:SendMessage", request -> new java.util.concurrent.CompletableFuture<>());
        String execution;
        try (LocalStepFunctions crashed = new LocalStepFunctions(new StepFunctionsServiceFactory()
                .withInlineExecution().withServiceCalls(hanging).withExecutionStatusEvents(false), first)) {
            String arn = crashed.createStateMachine("notify", """
                    {"StartAt":"Send","States":{"Send":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
                     "Parameters":{"QueueUrl":"http://q","MessageBody.$":"$.order"},"ResultSelector":{"id.$":"$.MessageId"},
                     "End":true}}}""");
            execution = crashed.start(arn, "{\"order\":\"o-3\"}");
            assertThat(hanging.calls).hasSize(1);
            Files.copy(first.resolve("stepfunctions.mv.db"), second.resolve("stepfunctions.mv.db"));
        }

        RecordingService sqs = new RecordingService("sqs", "AmazonSQS", "{\"MessageId\":\"m-9\"}");
        try (LocalStepFunctions restarted = new LocalStepFunctions(new StepFunctionsServiceFactory()
                .withInlineExecution().withExecutionStatusEvents(false), second, sqs)) {
            restarted.clock.advance(Duration.ofSeconds(1));
            String status = restarted.runtime.service(StepFunctionsService.class).orElseThrow().whenEnded(execution)
                    .toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(status).isEqualTo("SUCCEEDED");
            assertThat(restarted.describe(execution).output()).isEqualTo("{\"id\":\"m-9\"}");
            assertThat(sqs.received).hasSize(1);
        }
    }

    @Test
    void closedExecutions_shouldBeForgottenAfter90Days_whenTheRuntimeStartsAgain(@TempDir Path data) {
        String old;
        String recent;
        String machine;
        try (LocalStepFunctions first = new LocalStepFunctions(new StepFunctionsServiceFactory().withInlineExecution()
                .withExecutionStatusEvents(false), data)) {
            machine = first.createStateMachine("kept", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}");
            old = first.start(machine, "{}");
            first.clock.advance(Duration.ofDays(80));
            recent = first.start(machine, "{}");
        }

        try (LocalStepFunctions later = new LocalStepFunctions(new StepFunctionsServiceFactory().withInlineExecution()
                .withExecutionStatusEvents(false), data, LocalStepFunctions.START.plus(Duration.ofDays(91)))) {
            assertThat(later.sfn.listExecutions(b -> b.stateMachineArn(machine)).executions())
                    .extracting(e -> e.executionArn()).containsExactly(recent);
            assertThat(later.describe(recent).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> later.describe(old))
                    .isInstanceOf(software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException.class);
        }
    }
}
