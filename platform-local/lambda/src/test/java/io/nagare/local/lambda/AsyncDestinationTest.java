package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.eventbridge.EventBridgeServiceFactory;
import io.nagare.local.lambda.handlers.FailingHandler;
import io.nagare.local.runtime.ManualClock;
import io.nagare.local.runtime.targets.EventTargetRequest;
import io.nagare.platform.model.FunctionDeclaration;
import io.nagare.platform.model.FunctionDeclaration.AsyncDestination;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Asynchronous invocation destinations on the manual clock: the invocation record Lambda sends to an on-failure or
 * on-success queue or bus, beside the dead-letter queue, and the configuration GetFunctionEventInvokeConfig shows.
 */
class AsyncDestinationTest {

    private static final String EVENT = "{\"orderId\": \"o-7\"}";
    private static final String ARN_PREFIX = "arn:aws:sqs:ap-northeast-1:000000000000:";
    private static final String FUNCTION_ARN = "arn:aws:lambda:ap-northeast-1:000000000000:function:";

    private final RecordingDeadLetterQueues queues = new RecordingDeadLetterQueues();
    private LocalLambda lambda;

    @TempDir
    Path dataDirectory;

    @BeforeEach
    void reset() {
        FailingHandler.INVOCATIONS.set(0);
        FailingHandler.succeed = false;
    }

    @AfterEach
    void stop() {
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void invoke_shouldSendLambdasInvocationRecordToTheOnFailureQueue_afterTwoRetries() throws Exception {
        lambda = start(f -> f.onFailure(AsyncDestination.queue("charge-failures")), LocalLambda.START);
        String requestId = invokeAsync("charge");
        lambda.advance(Duration.ofMinutes(1));
        assertThat(queues.sent).isEmpty();

        lambda.advance(Duration.ofMinutes(2));

        assertThat(FailingHandler.INVOCATIONS).hasValue(3);
        EventTargetRequest message = queues.sent.get(0);
        assertThat(queues.sent).hasSize(1);
        assertThat(message.targetArn()).isEqualTo(ARN_PREFIX + "charge-failures");
        assertThat(message.messageAttributes()).isEmpty();
        JsonNode record = Jsons.parse(message.input().getBytes());
        assertThat(record.path("version").asText()).isEqualTo("1.0");
        assertThat(record.path("timestamp").asText()).isEqualTo("2026-03-02T09:03:00.000Z");
        assertThat(record.path("requestContext")).isEqualTo(Jsons.parse(("{\"requestId\": \"" + requestId
                + "\", \"functionArn\": \"" + FUNCTION_ARN + "charge:$LATEST\", \"condition\": \"RetriesExhausted\","
                + " \"approximateInvokeCount\": 3}").getBytes()));
        assertThat(record.path("requestPayload")).isEqualTo(Jsons.parse(EVENT.getBytes()));
        assertThat(record.path("responseContext")).isEqualTo(Jsons.parse(
                "{\"statusCode\": 200, \"executedVersion\": \"$LATEST\", \"functionError\": \"Unhandled\"}".getBytes()));
        assertThat(record.path("responsePayload").path("errorMessage").asText()).isEqualTo("payment declined for o-7");
        assertThat(record.path("responsePayload").path("errorType").asText())
                .isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void invoke_shouldSendTheEventToTheDeadLetterQueueAndTheRecordToTheDestination_whenBothAreDeclared()
            throws Exception {
        lambda = start(f -> f.deadLetterQueue("charge-dlq").asyncRetryAttempts(0)
                .onFailure(AsyncDestination.queue("charge-failures")), LocalLambda.START);
        String requestId = invokeAsync("charge");

        assertThat(queues.sent).hasSize(2);
        assertThat(queues.sent.get(0).targetArn()).isEqualTo(ARN_PREFIX + "charge-dlq");
        assertThat(queues.sent.get(0).input()).isEqualTo(EVENT);
        assertThat(queues.sent.get(0).messageAttributes()).containsEntry("RequestID", requestId);
        assertThat(queues.sent.get(1).targetArn()).isEqualTo(ARN_PREFIX + "charge-failures");
        assertThat(Jsons.parse(queues.sent.get(1).input().getBytes()).path("requestContext")
                .path("approximateInvokeCount").asInt()).isEqualTo(1);
    }

    @Test
    void invoke_shouldSendAnEventAgeExceededRecord_whenTheNextRetryWouldOutliveTheMaximumEventAge()
            throws Exception {
        lambda = start(f -> f.maximumEventAgeSeconds(120).onFailure(AsyncDestination.queue("charge-failures")),
                LocalLambda.START);
        invokeAsync("charge");
        lambda.advance(Duration.ofMinutes(1));

        assertThat(FailingHandler.INVOCATIONS).hasValue(2);
        assertThat(queues.sent).singleElement().satisfies(message -> {
            JsonNode context = Jsons.parse(message.input().getBytes()).path("requestContext");
            assertThat(context.path("condition").asText()).isEqualTo("EventAgeExceeded");
            assertThat(context.path("approximateInvokeCount").asInt()).isEqualTo(2);
        });
        lambda.advance(Duration.ofHours(1));
        assertThat(FailingHandler.INVOCATIONS).hasValue(2);
    }

    @Test
    void invoke_shouldSendAnEventAgeExceededRecordWithoutAnInvocation_whenTheFunctionStaysThrottled()
            throws Exception {
        lambda = start(f -> f.reservedConcurrency(0).maximumEventAgeSeconds(60)
                .onFailure(AsyncDestination.queue("charge-failures")), LocalLambda.START);
        invokeAsync("charge");

        lambda.advance(Duration.ofSeconds(64));

        assertThat(FailingHandler.INVOCATIONS).hasValue(0);
        assertThat(queues.sent).singleElement().satisfies(message -> {
            JsonNode record = Jsons.parse(message.input().getBytes());
            assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("EventAgeExceeded");
            assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isZero();
            assertThat(record.path("responseContext").path("statusCode").asInt()).isEqualTo(429);
            assertThat(record.path("responseContext").has("functionError")).isFalse();
        });
    }

    @Test
    void invoke_shouldKeepTheRecordAcrossARestart_untilTheDestinationQueueTakesIt() throws Exception {
        queues.unavailable = true;
        lambda = start(f -> f.asyncRetryAttempts(0).onFailure(AsyncDestination.queue("charge-failures")),
                LocalLambda.START);
        invokeAsync("charge");
        assertThat(queues.sent).isEmpty();
        lambda.close();

        queues.unavailable = false;
        lambda = start(f -> f.asyncRetryAttempts(0).onFailure(AsyncDestination.queue("charge-failures")),
                LocalLambda.START.plusSeconds(30));
        assertThat(queues.sent).isEmpty();
        lambda.advance(Duration.ofSeconds(30));

        assertThat(queues.sent).singleElement().extracting(EventTargetRequest::targetArn)
                .isEqualTo(ARN_PREFIX + "charge-failures");
        assertThat(FailingHandler.INVOCATIONS).hasValue(1);
        lambda.advance(Duration.ofHours(1));
        assertThat(queues.sent).hasSize(1);
    }

    @Test
    void invoke_shouldSendTheLastFailure_whenTheEventAgeRanOutWhileTheRuntimeWasDown() throws Exception {
        lambda = start(f -> f.deadLetterQueue("charge-dlq").maximumEventAgeSeconds(600)
                .onFailure(AsyncDestination.queue("charge-failures")), LocalLambda.START);
        invokeAsync("charge");
        lambda.close();

        lambda = start(f -> f.deadLetterQueue("charge-dlq").maximumEventAgeSeconds(600)
                .onFailure(AsyncDestination.queue("charge-failures")), LocalLambda.START.plusSeconds(3600));
        lambda.advance(Duration.ZERO);

        assertThat(FailingHandler.INVOCATIONS).hasValue(1);
        assertThat(queues.sent).hasSize(2);
        assertThat(queues.sent.get(0).messageAttributes()).containsEntry("ErrorCode", "200")
                .containsEntry("ErrorMessage", "payment declined for o-7");
        JsonNode record = Jsons.parse(queues.sent.get(1).input().getBytes());
        assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("EventAgeExceeded");
        assertThat(record.path("responseContext").path("functionError").asText()).isEqualTo("Unhandled");
    }

    @Test
    void invoke_shouldPutASuccessEventOnTheOnSuccessBus_thatARuleDeliversLikeAnyOther() throws Exception {
        FailingHandler.succeed = true;
        lambda = LocalLambda.builder(model(f -> f.onSuccess(AsyncDestination.bus("nagare"))))
                .clock(new ManualClock(LocalLambda.START))
                .service(new EventBridgeServiceFactory())
                .service(queues)
                .start();
        try (EventBridgeClient events = EventBridgeClient.builder()
                .endpointOverride(URI.create(lambda.runtime.endpointUrl())).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            events.createEventBus(b -> b.name("nagare"));
            events.putRule(b -> b.name("lambda-results").eventBusName("nagare")
                    .eventPattern("{\"source\": [\"lambda\"]}"));
            events.putTargets(b -> b.rule("lambda-results").eventBusName("nagare")
                    .targets(t -> t.id("records").arn(ARN_PREFIX + "results")));

            String requestId = invokeAsync("charge");

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (queues.sent.isEmpty() && System.nanoTime() < deadline) {
                lambda.advance(Duration.ofSeconds(1));
                Thread.onSpinWait();
            }
            assertThat(queues.sent).singleElement().satisfies(message -> {
                assertThat(message.targetArn()).isEqualTo(ARN_PREFIX + "results");
                JsonNode event = Jsons.parse(message.input().getBytes());
                assertThat(event.path("source").asText()).isEqualTo("lambda");
                assertThat(event.path("detail-type").asText()).isEqualTo("Lambda Function Invocation Result - Success");
                assertThat(event.path("resources")).isEqualTo(Jsons.parse(("[\"arn:aws:events:ap-northeast-1:"
                        + "000000000000:event-bus/nagare\", \"" + FUNCTION_ARN + "charge:$LATEST\"]").getBytes()));
                JsonNode detail = event.path("detail");
                assertThat(detail.path("requestContext").path("requestId").asText()).isEqualTo(requestId);
                assertThat(detail.path("requestContext").path("condition").asText()).isEqualTo("Success");
                assertThat(detail.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(1);
                assertThat(detail.path("responseContext")).isEqualTo(Jsons.parse(
                        "{\"statusCode\": 200, \"executedVersion\": \"$LATEST\"}".getBytes()));
                assertThat(detail.path("responsePayload").asText()).isEqualTo("ok");
                assertThat(detail.path("requestPayload")).isEqualTo(Jsons.parse(EVENT.getBytes()));
            });
        }
    }

    @Test
    void getFunctionEventInvokeConfig_shouldShowTheDeclaredConfiguration_inLambdasShape() {
        lambda = start(f -> f.asyncRetryAttempts(1).maximumEventAgeSeconds(3600)
                .onSuccess(AsyncDestination.bus("nagare")).onFailure(AsyncDestination.queue("charge-failures")),
                LocalLambda.START);

        GetFunctionEventInvokeConfigResponse config = lambda.client.getFunctionEventInvokeConfig(
                b -> b.functionName("charge"));

        assertThat(config.functionArn()).isEqualTo(FUNCTION_ARN + "charge:$LATEST");
        assertThat(config.maximumRetryAttempts()).isEqualTo(1);
        assertThat(config.maximumEventAgeInSeconds()).isEqualTo(3600);
        assertThat(config.destinationConfig().onSuccess().destination())
                .isEqualTo("arn:aws:events:ap-northeast-1:000000000000:event-bus/nagare");
        assertThat(config.destinationConfig().onFailure().destination()).isEqualTo(ARN_PREFIX + "charge-failures");
        assertThat(config.lastModified()).isEqualTo(LocalLambda.START);
        assertThat(lambda.client.listFunctionEventInvokeConfigs(b -> b.functionName("charge"))
                .functionEventInvokeConfigs()).singleElement()
                .satisfies(listed -> assertThat(listed.maximumRetryAttempts()).isEqualTo(1));
    }

    @Test
    void putFunctionEventInvokeConfig_shouldBeRefused_becauseTheConfigurationComesFromTheModel() {
        lambda = start(UnaryOperator.identity(), LocalLambda.START);

        assertThatThrownBy(() -> lambda.client.putFunctionEventInvokeConfig(b -> b.functionName("charge")
                .maximumRetryAttempts(0)))
                .isInstanceOf(LambdaException.class)
                .hasMessageStartingWith("not supported: PutFunctionEventInvokeConfig of charge: a function's"
                        + " asynchronous invocation configuration (retries, maximum event age, destinations) comes"
                        + " from the platform model");
        assertThatThrownBy(() -> lambda.client.deleteFunctionEventInvokeConfig(b -> b.functionName("charge")))
                .hasMessageStartingWith("not supported: DeleteFunctionEventInvokeConfig of charge");
    }

    private String invokeAsync(String function) {
        return lambda.client.invoke(b -> b.functionName(function).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(EVENT))).responseMetadata().requestId();
    }

    private LocalLambda start(UnaryOperator<FunctionDeclaration.Builder> charge, Instant now) {
        return LocalLambda.builder(model(charge))
                .clock(new ManualClock(now))
                .dataDirectory(dataDirectory)
                .service(queues)
                .start();
    }

    private static PlatformModel model(UnaryOperator<FunctionDeclaration.Builder> charge) {
        return PlatformModel.builder().owner("payments")
                .queue("charge-dlq", QueueDeclaration.Builder::asDeadLetterQueue)
                .queue("charge-failures", QueueDeclaration.Builder::asDeadLetterQueue)
                .bus("nagare", b -> { })
                .function("charge", f -> charge.apply(f.handler(FailingHandler.class)))
                .build();
    }
}
