package io.nagare.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.nagare.local.eventbridge.EventBridgeServiceFactory;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.ManualClock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** EventBridge (the local service) delivering rule targets and dead letters to these queues, through both SDKs. */
class EventBridgeTargetTest {

    private static final String ARN_PREFIX = "arn:aws:sqs:ap-northeast-1:000000000000:";

    private static LocalRuntime runtime;
    private static EventBridgeClient events;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder().port(0).discoverServices(false).clock(new ManualClock(LocalSqs.START))
                .service(new SqsServiceFactory()).service(new EventBridgeServiceFactory()).start();
        URI endpoint = URI.create(runtime.endpointUrl());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("test", "test"));
        events = EventBridgeClient.builder().endpointOverride(endpoint).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterAll
    static void stop() {
        events.close();
        sqs.close();
        runtime.close();
    }

    @Test
    void putEvents_shouldDeliverTheTransformedEventToTheQueue_whenARuleTargetsIt() {
        String url = sqs.createQueue(b -> b.queueName("placed-orders")).queueUrl();
        events.putRule(b -> b.name("orders-to-queue")
                .eventPattern("{\"source\":[\"shop\"],\"detail-type\":[\"OrderPlaced\"]}"));
        events.putTargets(b -> b.rule("orders-to-queue").targets(Target.builder().id("queue")
                .arn(ARN_PREFIX + "placed-orders").inputTransformer(InputTransformer.builder()
                        .inputPathsMap(Map.of("order", "$.detail.orderId"))
                        .inputTemplate("{\"order\": <order>}").build()).build()));

        events.putEvents(b -> b.entries(PutEventsRequestEntry.builder().source("shop").detailType("OrderPlaced")
                .detail("{\"orderId\":\"o-42\"}").build()));
        List<Message> delivered = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(10)).messages();

        assertThat(delivered).extracting(Message::body).containsExactly("{\"order\": \"o-42\"}");
    }

    @Test
    void putEvents_shouldSendTheEventToTheDlqWithAwsAttributes_whenTheTargetQueueDoesNotExist() {
        String dlq = sqs.createQueue(b -> b.queueName("undeliverable")).queueUrl();
        events.putRule(b -> b.name("to-missing-queue").eventPattern("{\"source\":[\"carrier\"]}"));
        events.putTargets(b -> b.rule("to-missing-queue").targets(Target.builder().id("gone")
                .arn(ARN_PREFIX + "never-created").deadLetterConfig(d -> d.arn(ARN_PREFIX + "undeliverable"))
                .build()));

        events.putEvents(b -> b.entries(PutEventsRequestEntry.builder().source("carrier").detailType("Shipped")
                .detail("{\"orderId\":\"o-7\"}").build()));
        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(10)
                .messageAttributeNames("All")).messages();

        assertThat(dead).singleElement().satisfies(message -> {
            assertThat(message.body()).contains("\"orderId\":\"o-7\"");
            assertThat(message.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("NO_RESOURCE");
            assertThat(message.messageAttributes().get("TARGET_ARN").stringValue())
                    .isEqualTo(ARN_PREFIX + "never-created");
            assertThat(message.messageAttributes().get("RULE_ARN").stringValue()).endsWith(":rule/to-missing-queue");
        });
    }
}
