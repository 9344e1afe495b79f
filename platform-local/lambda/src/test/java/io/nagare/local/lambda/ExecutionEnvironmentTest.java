package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nagare.local.lambda.handlers.BlockingHandler;
import io.nagare.local.lambda.handlers.ScheduledEventHandler;
import io.nagare.platform.model.PlatformModel;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

class ExecutionEnvironmentTest {

    private LocalLambda lambda;

    @BeforeEach
    void start() {
        BlockingHandler.reset();
        lambda = LocalLambda.start(PlatformModel.builder().owner("test")
                .function("reserve-stock", f -> f.handler(BlockingHandler.class))
                .function("on-schedule", f -> f.handler(ScheduledEventHandler.class))
                .build());
    }

    @AfterEach
    void stop() {
        BlockingHandler.RELEASE.release(100);
        lambda.close();
    }

    @Test
    void invoke_shouldReuseOneHandlerInstance_whenInvocationsFollowEachOther() {
        BlockingHandler.RELEASE.release(3);

        for (int i = 0; i < 3; i++) {
            assertThat(lambda.invoke("reserve-stock", "{}").payload().asUtf8String())
                    .isEqualTo("\"released by instance 1\"");
        }
        assertThat(BlockingHandler.INSTANCES).hasValue(1);
    }

    @Test
    void invoke_shouldStartASecondEnvironment_whenTheFirstIsBusy() throws Exception {
        CompletableFuture<InvokeResponse> first = CompletableFuture.supplyAsync(() -> lambda.invoke("reserve-stock", "{}"));
        assertThat(BlockingHandler.STARTED.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<InvokeResponse> second = CompletableFuture.supplyAsync(() -> lambda.invoke("reserve-stock", "{}"));
        assertThat(BlockingHandler.STARTED.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        BlockingHandler.RELEASE.release(2);

        assertThat(first.get(10, TimeUnit.SECONDS).functionError()).isNull();
        assertThat(second.get(10, TimeUnit.SECONDS).functionError()).isNull();
        assertThat(BlockingHandler.INSTANCES).hasValue(2);
    }

    @Test
    void invoke_shouldGiveTheEventsLibrarysTypes_whenTheHandlerTakesAScheduledEvent() {
        String event = """
                {"version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": "OrderPlaced",
                 "source": "nagare.partner.storefront", "account": "000000000000", "time": "2026-03-02T09:00:00Z",
                 "region": "ap-northeast-1", "resources": [], "detail": {"orderId": "o-42"}}""";

        InvokeResponse response = lambda.invoke("on-schedule", event);

        assertThat(response.payload().asUtf8String()).isEqualTo("\"OrderPlaced from nagare.partner.storefront at "
                + LocalLambda.START.toEpochMilli() + " for order o-42 in ap-northeast-1\"");
    }
}
