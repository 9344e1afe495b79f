package io.nagare.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import io.nagare.local.runtime.targets.EventTargetException;
import io.nagare.local.runtime.targets.EventTargetInvoker;
import io.nagare.local.runtime.targets.EventTargetRequest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** EventBridge rules deliver to state machines through the service's {@link EventTargetInvoker.StepFunctions}. */
class EventTargetTest {

    private static final String ECHO = "{\"StartAt\": \"Echo\", \"States\": {\"Echo\": {\"Type\": \"Pass\", \"End\": true}}}";

    @Test
    void invoke_shouldStartAnExecutionWithTheRulesInput() {
        try (LocalStepFunctions local = LocalStepFunctions.inline()) {
            String arn = local.createStateMachine("order-fulfilment", ECHO);
            EventTargetInvoker invoker = local.runtime.service(EventTargetInvoker.StepFunctions.class).orElseThrow();

            invoker.invoke(new EventTargetRequest(arn, "{\"orderId\":\"o-1\"}",
                    "arn:aws:events:ap-northeast-1:000000000000:rule/orders", Map.of(), null));

            String executionArn = local.sfn.listExecutions(b -> b.stateMachineArn(arn)).executions().get(0).executionArn();
            DescribeExecutionResponse ended = local.awaitEnd(executionArn, Duration.ofSeconds(10));
            assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(ended.input()).isEqualTo("{\"orderId\":\"o-1\"}");
            assertThat(ended.output()).isEqualTo("{\"orderId\":\"o-1\"}");
        }
    }

    @Test
    void invoke_shouldFailWithoutRetry_whenTheStateMachineDoesNotExist() {
        try (LocalStepFunctions local = LocalStepFunctions.inline()) {
            EventTargetInvoker invoker = local.runtime.service(EventTargetInvoker.StepFunctions.class).orElseThrow();

            assertThatThrownBy(() -> invoker.invoke(new EventTargetRequest(
                    "arn:aws:states:ap-northeast-1:000000000000:stateMachine:absent", "{}", null, Map.of(), null)))
                    .isInstanceOfSatisfying(EventTargetException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("NO_RESOURCE");
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).startsWith("StateMachineDoesNotExist");
                    });
        }
    }

    @Test
    void invoke_shouldFailWithoutRetry_whenTheInputIsNotJson() {
        try (LocalStepFunctions local = LocalStepFunctions.inline()) {
            String arn = local.createStateMachine("order-fulfilment", ECHO);
            EventTargetInvoker invoker = local.runtime.service(EventTargetInvoker.StepFunctions.class).orElseThrow();

            assertThatThrownBy(() -> invoker.invoke(new EventTargetRequest(arn, "order o-1", null, Map.of(), null)))
                    .isInstanceOfSatisfying(EventTargetException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("INVALID_PARAMETER");
                        assertThat(e.retryable()).isFalse();
                    });
        }
    }
}
