package io.nagare.local.stepfunctions.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

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
}
