package io.nagare.local.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.nagare.local.eventbridge.EventBridgeServiceFactory;
import io.nagare.local.lambda.FunctionLogSink;
import io.nagare.local.lambda.LambdaServiceFactory;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.ManualClock;
import io.nagare.local.sqs.SqsServiceFactory;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Failures that end in real SQS dead-letter queues, across services: EventBridge giving up on a target after its
 * RetryPolicy, and SQS moving a message a Lambda function keeps failing after maxReceiveCount. Time is a manual clock;
 * EventBridge delivers on its own threads and SQS long polls on wall time, so waits for those are bounded polls.
 */
class DeadLetterQueuesTest {

    private static final String STATE_MACHINE = "arn:aws:states:ap-northeast-1:000000000000:stateMachine:fulfil";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static final ManualClock CLOCK = new ManualClock(LocalAws.START);
    private static final ThrottledStateMachines STATE_MACHINES = new ThrottledStateMachines();
    private static LocalAws aws;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(LocalRuntime.builder().clock(CLOCK), List.of(
                new SqsServiceFactory(),
                context -> STATE_MACHINES,
                new LambdaServiceFactory(PlatformModel.builder().owner("shipping")
                        .queue("paid-orders", q -> q.deadLetterQueue("paid-orders-dlq").maxReceiveCount(2))
                        .queue("paid-orders-dlq", QueueDeclaration.Builder::asDeadLetterQueue)
                        .function("ship", f -> f.handler(ShipmentHandler.class).consumes("paid-orders"))
                        .build()).withInlineDispatch().withLogSink(FunctionLogSink.discard()),
                new EventBridgeServiceFactory()));
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void failingTarget_shouldLandInItsDlqWithAwsAttributes_afterTheRetryPolicyIsSpent() {
        String dlq = aws.createQueue("fulfilment-dlq");
        aws.events.putRule(b -> b.name("start-fulfilment").eventPattern("{\"detail-type\":[\"OrderPlaced\"]}"));
        aws.events.putTargets(b -> b.rule("start-fulfilment").targets(Target.builder().id("saga").arn(STATE_MACHINE)
                .retryPolicy(p -> p.maximumRetryAttempts(2).maximumEventAgeInSeconds(3600))
                .deadLetterConfig(d -> d.arn(LocalAws.queueArn("fulfilment-dlq"))).build()));

        String eventId = aws.events.putEvents(b -> b.entries(PutEventsRequestEntry.builder().source("shop")
                .detailType("OrderPlaced").detail("{\"orderId\":\"o-1\"}").build())).entries().get(0).eventId();
        List<Message> dead = List.of();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (dead.isEmpty() && System.nanoTime() < deadline) {
            CLOCK.advance(Duration.ofMinutes(1));
            dead = aws.receive(dlq, 1);
        }

        assertThat(dead).singleElement().satisfies(message -> {
            assertThat(message.body()).contains("\"id\":\"" + eventId + "\"").contains("\"orderId\":\"o-1\"");
            assertThat(stringAttributes(message.messageAttributes()))
                    .containsEntry("ERROR_CODE", ThrottledStateMachines.ERROR_CODE)
                    .containsEntry("ERROR_MESSAGE", ThrottledStateMachines.ERROR_MESSAGE)
                    .containsEntry("EXHAUSTED_RETRY_CONDITION", "MaximumRetryAttemptsExhausted")
                    .containsEntry("RETRY_ATTEMPTS", "2")
                    .containsEntry("RULE_ARN", "arn:aws:events:ap-northeast-1:000000000000:rule/start-fulfilment")
                    .containsEntry("TARGET_ARN", STATE_MACHINE);
        });
        assertThat(STATE_MACHINES.attempts).hasSize(3);
    }

    @Test
    void poisonMessage_shouldReachTheDlqAfterMaxReceiveCount_whileTheRestOfItsBatchIsShipped() {
        String dlq = aws.createQueue("paid-orders-dlq");
        String queue = aws.createQueue("paid-orders", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\""
                        + LocalAws.queueArn("paid-orders-dlq") + "\",\"maxReceiveCount\":\"2\"}"));
        aws.events.putRule(b -> b.name("ship-paid-orders").eventPattern("{\"detail-type\":[\"PaymentCaptured\"]}"));
        aws.events.putTargets(b -> b.rule("ship-paid-orders").targets(Target.builder().id("queue")
                .arn(LocalAws.queueArn("paid-orders")).inputPath("$.detail").build()));

        aws.events.putEvents(b -> b.entries(paid("o-1"), paid("poison"), paid("o-2")));
        awaitVisibleMessages(queue, 3);
        CLOCK.advance(Duration.ofSeconds(10));
        assertThat(ShipmentHandler.RECEIVED).containsExactlyInAnyOrder(
                "{\"orderId\":\"o-1\"}", "{\"orderId\":\"poison\"}", "{\"orderId\":\"o-2\"}");
        CLOCK.advance(Duration.ofSeconds(31));
        assertThat(ShipmentHandler.RECEIVED).hasSize(4).endsWith("{\"orderId\":\"poison\"}");
        CLOCK.advance(Duration.ofSeconds(31));

        assertThat(ShipmentHandler.RECEIVED).hasSize(4);
        assertThat(aws.receive(dlq, 5)).extracting(Message::body).containsExactly("{\"orderId\":\"poison\"}");
        assertThat(aws.sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.ALL))
                .attributes())
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0");
    }

    private static PutEventsRequestEntry paid(String orderId) {
        return PutEventsRequestEntry.builder().source("payments").detailType("PaymentCaptured")
                .detail("{\"orderId\":\"" + orderId + "\"}").build();
    }

    /** Waits for EventBridge's delivery threads to have put {@code count} messages on the queue. */
    private static void awaitVisibleMessages(String queueUrl, int count) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        String visible;
        do {
            visible = aws.sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        } while (!visible.equals(Integer.toString(count)) && System.nanoTime() < deadline);
        assertThat(visible).as("messages delivered to the queue").isEqualTo(Integer.toString(count));
    }

    private static Map<String, String> stringAttributes(Map<String, MessageAttributeValue> attributes) {
        return attributes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().stringValue()));
    }
}
