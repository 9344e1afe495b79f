package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

import io.nagare.local.eventbridge.EventBridgeServiceFactory;
import io.nagare.local.lambda.handlers.RecordingEventHandler;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.ManualClock;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The Lambda service with the runtime's real EventBridge: a rule targeting a function invokes it asynchronously. */
class EventBridgeIntegrationTest {

    private static LocalRuntime runtime;
    private static EventBridgeClient events;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder().port(0).discoverServices(false).clock(new ManualClock(LocalLambda.START))
                .service(new EventBridgeServiceFactory())
                .service(new LambdaServiceFactory(PlatformModel.builder().owner("inventory")
                        .queue("reserve-dlq", QueueDeclaration.Builder::asDeadLetterQueue)
                        .function("reserve-stock", f -> f.handler(RecordingEventHandler.class)
                                .deadLetterQueue("reserve-dlq"))
                        .build()).withInlineDispatch().withLogSink(FunctionLogSink.discard()))
                .start();
        events = EventBridgeClient.builder().endpointOverride(URI.create(runtime.endpointUrl()))
                .region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterAll
    static void stop() {
        events.close();
        runtime.close();
    }

    @Test
    void rule_shouldInvokeTheFunctionWithTheEventAsAScheduledEvent_whenAnEventMatches() throws Exception {
        events.putRule(b -> b.name("order-placed-to-inventory")
                .eventPattern("{\"source\": [\"nagare.partner.storefront\"], \"detail-type\": [\"OrderPlaced\"]}"));
        events.putTargets(b -> b.rule("order-placed-to-inventory").targets(t -> t.id("reserve")
                .arn("arn:aws:lambda:ap-northeast-1:000000000000:function:reserve-stock")));

        events.putEvents(b -> b.entries(e -> e.source("nagare.partner.storefront").detailType("OrderPlaced")
                .detail("{\"orderId\": \"o-21\", \"lines\": 2}")));

        ScheduledEvent event = RecordingEventHandler.EVENTS.poll(10, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.getSource()).isEqualTo("nagare.partner.storefront");
        assertThat(event.getDetailType()).isEqualTo("OrderPlaced");
        assertThat(event.getDetail()).containsEntry("orderId", "o-21").containsEntry("lines", 2);
        assertThat(event.getRegion()).isEqualTo("ap-northeast-1");
        assertThat(event.getTime().getMillis()).isEqualTo(LocalLambda.START.toEpochMilli());
    }
}
