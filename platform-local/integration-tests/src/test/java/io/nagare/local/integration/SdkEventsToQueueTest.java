package io.nagare.local.integration;

import static io.nagare.local.integration.LargeOrders.BUS;
import static io.nagare.local.integration.LargeOrders.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.Message;

/** An application's path through the AWS SDK v2 against the runtime {@code ./nagare up} starts. */
class SdkEventsToQueueTest {

    @TempDir
    static Path dataDirectory;
    private static LocalAws aws;

    @BeforeAll
    static void start() {
        aws = LocalAws.startAll(dataDirectory);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void putEvents_shouldDeliverTheTransformedEventToEachQueue_whenARuleOnACustomBusMatchesIt() throws Exception {
        aws.events.createEventBus(b -> b.name(BUS));
        String jsonQueue = aws.createQueue(LargeOrders.JSON_QUEUE);
        String textQueue = aws.createQueue(LargeOrders.TEXT_QUEUE);
        aws.events.putRule(b -> b.name(RULE).eventBusName(BUS).eventPattern(LargeOrders.PATTERN));
        aws.events.putTargets(b -> b.rule(RULE).eventBusName(BUS).targets(
                Target.builder().id("json").arn(LocalAws.queueArn(LargeOrders.JSON_QUEUE)).inputTransformer(t -> t
                        .inputPathsMap(LargeOrders.PATHS).inputTemplate(LargeOrders.JSON_TEMPLATE)).build(),
                Target.builder().id("text").arn(LocalAws.queueArn(LargeOrders.TEXT_QUEUE)).inputTransformer(t -> t
                        .inputPathsMap(LargeOrders.PATHS).inputTemplate(LargeOrders.TEXT_TEMPLATE)).build()));

        PutEventsResponse put = aws.events.putEvents(b -> b.entries(
                order("OrderPlaced", LargeOrders.SMALL_ORDER),
                order("OrderPlaced", LargeOrders.LARGE_ORDER),
                order("OrderCancelled", LargeOrders.LARGE_ORDER)));

        assertThat(put.failedEntryCount()).isZero();
        assertThat(put.entries()).allSatisfy(entry -> assertThat(entry.eventId()).isNotBlank());
        Message notification = single(aws, jsonQueue);
        assertThat(notification.body()).isEqualTo(LargeOrders.EXPECTED_JSON);
        assertThat(new ObjectMapper().readTree(notification.body()).path("customer").path("tier").asText())
                .isEqualTo("gold");
        assertThat(single(aws, textQueue).body()).isEqualTo(LargeOrders.EXPECTED_TEXT);
    }

    private static PutEventsRequestEntry order(String detailType, String detail) {
        return PutEventsRequestEntry.builder().eventBusName(BUS).source("shop").detailType(detailType).detail(detail)
                .build();
    }

    /** The one message the queue gets: waits for it, then for a second that must not come. */
    private static Message single(LocalAws aws, String queueUrl) {
        List<Message> first = aws.receive(queueUrl, 10);
        assertThat(first).hasSize(1);
        assertThat(aws.receive(queueUrl, 1)).as("messages of events the rule does not match").isEmpty();
        return first.get(0);
    }
}
