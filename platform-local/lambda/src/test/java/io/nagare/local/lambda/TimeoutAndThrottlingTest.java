package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.lambda.handlers.BlockingHandler;
import io.nagare.local.lambda.handlers.SlowStartHandler;
import io.nagare.platform.model.PlatformModel;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class TimeoutAndThrottlingTest {

    private LocalLambda lambda;

    @BeforeEach
    void start() {
        BlockingHandler.reset();
        lambda = LocalLambda.start(PlatformModel.builder().owner("test")
                .function("authorize-payment", f -> f.handler(BlockingHandler.class).timeoutSeconds(3))
                .function("single", f -> f.handler(BlockingHandler.class).reservedConcurrency(1))
                .function("disabled", f -> f.handler(BlockingHandler.class).reservedConcurrency(0))
                .function("slow-start", f -> f.handler(SlowStartHandler.class).timeoutSeconds(5))
                .build());
    }

    @AfterEach
    void stop() {
        BlockingHandler.RELEASE.release(100);
        lambda.close();
    }

    @Test
    void invoke_shouldEndWithSandboxTimedout_whenTheFunctionRunsPastItsTimeout() throws Exception {
        CompletableFuture<InvokeResponse> call = CompletableFuture.supplyAsync(() -> lambda.invoke("authorize-payment", "{}"));
        assertThat(BlockingHandler.STARTED.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

        lambda.advance(Duration.ofSeconds(3));

        InvokeResponse response = call.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = Jsons.parse(response.payload().asByteArray());
        assertThat(error.path("errorType").asText()).isEqualTo("Sandbox.Timedout");
        assertThat(error.path("errorMessage").asText()).isEqualTo("RequestId: "
                + response.responseMetadata().requestId() + " Error: Task timed out after 3.00 seconds");
        assertThat(error.has("stackTrace")).isFalse();
        assertThat(BlockingHandler.INTERRUPTED.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void invoke_shouldNotTimeOut_whenTheClockHasNotReachedTheTimeout() throws Exception {
        CompletableFuture<InvokeResponse> call = CompletableFuture.supplyAsync(() -> lambda.invoke("authorize-payment", "{}"));
        assertThat(BlockingHandler.STARTED.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

        lambda.advance(Duration.ofMillis(2_999));
        BlockingHandler.RELEASE.release();

        assertThat(call.get(10, TimeUnit.SECONDS).functionError()).isNull();
    }

    @Test
    void invoke_shouldUseANewEnvironment_whenThePreviousOneTimedOut() throws Exception {
        CompletableFuture<InvokeResponse> call = CompletableFuture.supplyAsync(() -> lambda.invoke("authorize-payment", "{}"));
        assertThat(BlockingHandler.STARTED.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        lambda.advance(Duration.ofSeconds(3));
        call.get(10, TimeUnit.SECONDS);

        BlockingHandler.RELEASE.release();
        InvokeResponse next = lambda.invoke("authorize-payment", "{}");

        assertThat(next.payload().asUtf8String()).isEqualTo("\"released by instance 2\"");
    }

    @Test
    void invoke_shouldTimeOut_whenConstructingTheHandlerTakesLongerThanTheTimeout() throws Exception {
        CompletableFuture<InvokeResponse> call = CompletableFuture.supplyAsync(() -> lambda.invoke("slow-start", "{}"));
        assertThat(SlowStartHandler.CONSTRUCTING.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

        lambda.advance(Duration.ofSeconds(5));

        InvokeResponse response = call.get(10, TimeUnit.SECONDS);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(Jsons.parse(response.payload().asByteArray()).path("errorMessage").asText())
                .endsWith("Error: Task timed out after 5.00 seconds");
        SlowStartHandler.RELEASE.release();
        assertThat(lambda.invoke("slow-start", "{}").payload().asUtf8String()).isEqualTo("\"started\"");
    }

    @Test
    void invoke_shouldThrottleWithTooManyRequests_whenTheReservedConcurrencyIsInUse() throws Exception {
        CompletableFuture<InvokeResponse> first = CompletableFuture.supplyAsync(() -> lambda.invoke("single", "{}"));
        assertThat(BlockingHandler.STARTED.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> lambda.invoke("single", "{}"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
                    assertThat(e.type()).isEqualTo("User");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
                });

        BlockingHandler.RELEASE.release();
        assertThat(first.get(10, TimeUnit.SECONDS).functionError()).isNull();
        BlockingHandler.RELEASE.release();
        assertThat(lambda.invoke("single", "{}").functionError()).isNull();
    }

    @Test
    void invoke_shouldAlwaysThrottle_whenTheReservedConcurrencyIsZero() {
        assertThatThrownBy(() -> lambda.invoke("disabled", "{}")).isInstanceOf(TooManyRequestsException.class);
        assertThat(BlockingHandler.INSTANCES).hasValue(0);
    }
}
