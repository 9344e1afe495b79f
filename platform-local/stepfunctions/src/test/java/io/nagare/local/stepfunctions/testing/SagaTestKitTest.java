package io.nagare.local.stepfunctions.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.stepfunctions.AwsServiceCalls;
import io.nagare.local.stepfunctions.internal.json.Json;

/** The saga test kit: mocked tasks by test case, the path taken, the output, and failures that read well. */
class SagaTestKitTest {

    private static final String SAGA = """
            {"StartAt":"Reserve","States":{
              "Reserve":{"Type":"Task","Resource":"${ReserveFunction}","ResultPath":"$.stock","Next":"Authorize"},
              "Authorize":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                "Parameters":{"FunctionName":"authorize","Payload.$":"$"},
                "Retry":[{"ErrorEquals":["Payment.Busy"],"IntervalSeconds":30,"MaxAttempts":2}],
                "Catch":[{"ErrorEquals":["Payment.Declined"],"ResultPath":"$.error","Next":"Release"}],
                "ResultSelector":{"authorization.$":"$.Payload.id"},"ResultPath":"$.payment","Next":"Confirm"},
              "Confirm":{"Type":"Pass","Parameters":{"order.$":"$.order","payment.$":"$.payment.authorization"},"End":true},
              "Release":{"Type":"Pass","Next":"Failed"},
              "Failed":{"Type":"Fail","Error":"OrderFailed","Cause":"payment declined"}}}""";

    private static final String MOCKS = """
            {"StateMachines":{"order":{"TestCases":{
                "HappyPath":{"Reserve":"Reserved","Authorize":"BusyThenAuthorized"},
                "Declined":{"Reserve":"Reserved","Authorize":"Declined"}}}},
             "MockedResponses":{
                "Reserved":{"0":{"Return":{"sku":"s-1"}}},
                "BusyThenAuthorized":{"0-1":{"Throw":{"Error":"Payment.Busy","Cause":"retry"}},
                                      "2":{"Return":{"StatusCode":200,"Payload":{"id":"auth-7"}}}},
                "Declined":{"0":{"Throw":{"Error":"Payment.Declined","Cause":"card refused"}}}}}""";

    @RegisterExtension
    final SagaTestKit saga = SagaTestKit.forDefinition("order", SAGA)
            .withSubstitution("ReserveFunction", "arn:aws:lambda:ap-northeast-1:000000000000:function:reserve")
            .withMockConfig(MOCKS);

    @Test
    void run_shouldFollowTheMockedResponsesThroughRetries_whenTheTestCaseIsTheHappyPath() {
        SagaRun run = saga.run("HappyPath", "{\"order\":\"o-1\"}")
                .expectSucceeded()
                .expectPath("Reserve", "Authorize", "Confirm")
                .expectOutput("{\"order\":\"o-1\",\"payment\":\"auth-7\"}");

        assertThat(run.history()).filteredOn(e -> e.get("type").asText().equals("TaskFailed")).hasSize(2);
    }

    @Test
    void run_shouldCompensate_whenTheMockedPaymentIsDeclined() {
        saga.run("Declined", "{\"order\":\"o-2\"}")
                .expectFailure("OrderFailed", "payment declined")
                .expectPath("Reserve", "Authorize", "Release", "Failed");
    }

    @Test
    void expectPath_shouldFailWithExpectedAndActual_whenTheSagaTookAnotherPath() {
        SagaRun run = saga.run("Declined", "{\"order\":\"o-3\"}");

        assertThatThrownBy(() -> run.expectPath("Reserve", "Authorize", "Confirm"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("[Reserve, Authorize, Confirm]")
                .hasMessageContaining("[Reserve, Authorize, Release, Failed]");
    }

    /** A .waitForTaskToken task answered by the test's own worker: the test plays the callbacks on the manual clock. */
    @Nested
    class Callbacks {

        private static final String SHIPPING = """
                {"StartAt":"Ship","States":{
                  "Ship":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                    "Parameters":{"FunctionName":"ship","Payload":{"order.$":"$.order","token.$":"$$.Task.Token"}},
                    "HeartbeatSeconds":60,"TimeoutSeconds":600,"ResultPath":"$.shipment","End":true}}}""";

        /** The worker: keeps the tokens it was given and answers the invocation at once, as request-shipment does. */
        private final List<String> tokens = new CopyOnWriteArrayList<>();
        private final AwsServiceCalls worker = (service, operation, request) -> {
            tokens.add(request.path("Payload").path("token").asText());
            JsonNode response = Json.parse("{\"StatusCode\":200,\"Payload\":null}");
            return CompletableFuture.completedFuture(response);
        };

        @RegisterExtension
        final SagaTestKit shipping = SagaTestKit.forDefinition("shipping", SHIPPING)
                .withMockConfig("{\"StateMachines\":{\"shipping\":{\"TestCases\":{\"Real\":{}}}},\"MockedResponses\":{}}")
                .withServiceCalls(worker);

        @Test
        void startExecution_shouldStopAtTheWaitingTask_whenTheWorkerHasNotCalledBack() {
            String execution = shipping.startExecution("Real", "{\"order\":\"o-1\"}");

            assertThat(shipping.current(execution).status()).isEqualTo("RUNNING");
            assertThat(tokens).hasSize(1).first().asString().isNotBlank();
        }

        @Test
        void sendTaskSuccess_shouldEndTheTaskWithItsOutput_whenTheWorkerCallsBack() {
            String execution = shipping.startExecution("Real", "{\"order\":\"o-1\"}");

            shipping.sendTaskSuccess(tokens.get(0), "{\"shipmentId\":\"s-1\"}");

            shipping.finish(execution)
                    .expectSucceeded()
                    .expectOutput("{\"order\":\"o-1\",\"shipment\":{\"shipmentId\":\"s-1\"}}");
        }

        @Test
        void sendTaskFailure_shouldFailTheTaskWithTheGivenError_whenTheWorkerReportsAFailure() {
            String execution = shipping.startExecution("Real", "{\"order\":\"o-1\"}");

            shipping.sendTaskFailure(tokens.get(0), "Carrier.Refused", "no such street");

            shipping.finish(execution).expectFailure("Carrier.Refused", "no such street");
        }

        @Test
        void sendTaskHeartbeat_shouldKeepTheTaskWaitingPastItsHeartbeatSeconds_untilTheTaskTimesOut() {
            String execution = shipping.startExecution("Real", "{\"order\":\"o-1\"}");
            for (int i = 0; i < 11; i++) {
                shipping.clock().advance(Duration.ofSeconds(50));
                shipping.sendTaskHeartbeat(tokens.get(0));
            }
            assertThat(shipping.current(execution).status()).isEqualTo("RUNNING");

            shipping.finish(execution).expectFailure("States.Timeout", null);
            assertThatThrownBy(() -> shipping.sendTaskHeartbeat(tokens.get(0)))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("TaskTimedOut"));
        }

        @Test
        void finish_shouldTimeTheTaskOutAfterHeartbeatSeconds_whenNoHeartbeatComes() {
            String execution = shipping.startExecution("Real", "{\"order\":\"o-1\"}");

            SagaRun run = shipping.finish(execution).expectFailure("States.HeartbeatTimeout", null);

            JsonNode timedOut = run.history().get(run.history().size() - 2);
            assertThat(timedOut.path("type").asText()).isEqualTo("TaskTimedOut");
            // History timestamps are epoch seconds, as on the wire; the kit's clock starts at 2026-01-01T00:00:00Z.
            assertThat(Instant.ofEpochSecond(timedOut.path("timestamp").decimalValue().longValue()))
                    .isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
        }
    }
}
