package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nagare.local.lambda.handlers.FailingHandler;
import io.nagare.local.lambda.handlers.GreetingHandler;
import io.nagare.local.runtime.ManualClock;
import io.nagare.local.runtime.targets.EventTargetException;
import io.nagare.local.runtime.targets.EventTargetInvoker;
import io.nagare.local.runtime.targets.EventTargetRequest;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

class AsyncInvocationTest {

    private static final String EVENT = "{\"orderId\": \"o-7\"}";
    private static final String DLQ_ARN = "arn:aws:sqs:ap-northeast-1:000000000000:charge-dlq";

    private final RecordingDeadLetterQueues queues = new RecordingDeadLetterQueues();
    private LocalLambda lambda;

    @TempDir
    Path dataDirectory;

    @BeforeEach
    void start() {
        FailingHandler.INVOCATIONS.set(0);
        FailingHandler.succeed = false;
        lambda = start(LocalLambda.START);
    }

    @AfterEach
    void stop() {
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void invoke_shouldAnswer202AndRunTheFunction_whenTheInvocationTypeIsEvent() {
        InvokeResponse response = invokeAsync("greet", "{\"name\": \"Mio\", \"times\": 1}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.payload().asByteArray()).isEmpty();
        assertThat(response.responseMetadata().requestId()).matches("[0-9a-f-]{36}");
    }

    @Test
    void invoke_shouldRetryAFailingEventTwice_aMinuteAndThenTwoMinutesApart() {
        invokeAsync("charge", EVENT);
        assertThat(FailingHandler.INVOCATIONS).hasValue(1);

        lambda.advance(Duration.ofSeconds(59));
        assertThat(FailingHandler.INVOCATIONS).hasValue(1);
        lambda.advance(Duration.ofSeconds(1));
        assertThat(FailingHandler.INVOCATIONS).hasValue(2);

        lambda.advance(Duration.ofSeconds(119));
        assertThat(FailingHandler.INVOCATIONS).hasValue(2);
        lambda.advance(Duration.ofSeconds(1));
        assertThat(FailingHandler.INVOCATIONS).hasValue(3);

        lambda.advance(Duration.ofHours(1));
        assertThat(FailingHandler.INVOCATIONS).hasValue(3);
    }

    @Test
    void invoke_shouldSendTheEventToTheDeadLetterQueueWithLambdasAttributes_whenTheRetriesFail() {
        String requestId = invokeAsync("charge", EVENT).responseMetadata().requestId();
        lambda.advance(Duration.ofMinutes(2));
        assertThat(queues.sent).isEmpty();

        lambda.advance(Duration.ofMinutes(1));

        assertThat(queues.sent).singleElement().satisfies(message -> {
            assertThat(message.targetArn()).isEqualTo(DLQ_ARN);
            assertThat(message.input()).isEqualTo(EVENT);
            assertThat(message.messageAttributes()).isEqualTo(Map.of("RequestID", requestId, "ErrorCode", "200",
                    "ErrorMessage", "payment declined for o-7"));
        });
    }

    @Test
    void invoke_shouldNotRetry_whenTheFunctionAllowsNoAsyncRetries() {
        invokeAsync("charge-once", EVENT);

        assertThat(FailingHandler.INVOCATIONS).hasValue(1);
        assertThat(queues.sent).singleElement().extracting(EventTargetRequest::targetArn).isEqualTo(DLQ_ARN);
    }

    @Test
    void invoke_shouldStopRetrying_whenARetrySucceeds() {
        invokeAsync("charge", EVENT);
        FailingHandler.succeed = true;

        lambda.advance(Duration.ofMinutes(10));

        assertThat(FailingHandler.INVOCATIONS).hasValue(2);
        assertThat(queues.sent).isEmpty();
    }

    @Test
    void invoke_shouldTryTheDeadLetterQueueAgain_whenSqsIsUnavailable() {
        queues.unavailable = true;
        invokeAsync("charge-once", EVENT);
        assertThat(queues.sent).isEmpty();

        queues.unavailable = false;
        lambda.advance(Duration.ofMinutes(1));

        assertThat(queues.sent).hasSize(1);
        assertThat(FailingHandler.INVOCATIONS).hasValue(1);
    }

    @Test
    void invoke_shouldRetryThrottledEventsWithoutCountingThemAsAttempts_untilTheFunctionHasCapacity() {
        invokeAsync("throttled", EVENT);

        lambda.advance(Duration.ofHours(5));

        assertThat(FailingHandler.INVOCATIONS).hasValue(0);
        assertThat(queues.sent).isEmpty();
        lambda.advance(Duration.ofHours(1));
        assertThat(queues.sent).singleElement().satisfies(message -> {
            assertThat(message.messageAttributes()).containsEntry("ErrorCode", "429")
                    .containsEntry("ErrorMessage", "Rate Exceeded.");
        });
    }

    @Test
    void invoke_shouldResumePendingRetries_whenTheRuntimeRestarts() {
        invokeAsync("charge", EVENT);
        lambda.close();
        FailingHandler.succeed = true;

        lambda = start(LocalLambda.START.plusSeconds(10));
        assertThat(FailingHandler.INVOCATIONS).hasValue(1);
        lambda.advance(Duration.ofMinutes(1));

        assertThat(FailingHandler.INVOCATIONS).hasValue(2);
        lambda.close();
        lambda = start(LocalLambda.START.plusSeconds(600));
        lambda.advance(Duration.ofHours(1));
        assertThat(FailingHandler.INVOCATIONS).hasValue(2);
    }

    @Test
    void eventBridgeDelivery_shouldBeAnAsynchronousInvocation_whenARuleTargetsAFunction() {
        EventTargetInvoker.Lambda target = lambda.runtime.service(EventTargetInvoker.Lambda.class).orElseThrow();

        target.invoke(new EventTargetRequest("arn:aws:lambda:ap-northeast-1:000000000000:function:charge", EVENT,
                "arn:aws:events:ap-northeast-1:000000000000:rule/orders", Map.of(), null));

        assertThat(FailingHandler.INVOCATIONS).hasValue(1);
        lambda.advance(Duration.ofMinutes(3));
        assertThat(queues.sent).singleElement().extracting(EventTargetRequest::input).isEqualTo(EVENT);
    }

    @Test
    void eventBridgeDelivery_shouldBeRefusedWithoutRetry_whenTheFunctionDoesNotExist() {
        EventTargetInvoker.Lambda target = lambda.runtime.service(EventTargetInvoker.Lambda.class).orElseThrow();

        assertThatThrownBy(() -> target.invoke(new EventTargetRequest(
                "arn:aws:lambda:ap-northeast-1:000000000000:function:refund", EVENT, null, Map.of(), null)))
                .isInstanceOfSatisfying(EventTargetException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("NO_RESOURCE");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).isEqualTo(
                            "Function not found: arn:aws:lambda:ap-northeast-1:000000000000:function:refund");
                });
    }

    private InvokeResponse invokeAsync(String function, String payload) {
        return lambda.client.invoke(b -> b.functionName(function).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(payload)));
    }

    private LocalLambda start(Instant now) {
        return LocalLambda.builder(PlatformModel.builder().owner("payments")
                        .queue("charge-dlq", QueueDeclaration.Builder::asDeadLetterQueue)
                        .function("greet", f -> f.handler(GreetingHandler.class))
                        .function("charge", f -> f.handler(FailingHandler.class).deadLetterQueue("charge-dlq"))
                        .function("charge-once", f -> f.handler(FailingHandler.class).deadLetterQueue("charge-dlq")
                                .asyncRetryAttempts(0))
                        .function("throttled", f -> f.handler(FailingHandler.class).deadLetterQueue("charge-dlq")
                                .reservedConcurrency(0))
                        .build())
                .clock(new ManualClock(now))
                .dataDirectory(dataDirectory)
                .service(queues)
                .start();
    }
}
