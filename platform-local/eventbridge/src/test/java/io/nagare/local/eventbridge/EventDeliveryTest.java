package io.nagare.local.eventbridge;

import io.nagare.local.runtime.targets.EventTargetRequest;
import io.nagare.local.runtime.targets.EventTargetException;
import static io.nagare.local.eventbridge.EventBridgeApiTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.Target;

class EventDeliveryTest {

    private static final String PATTERN = "{\"source\":[\"shop\"],\"detail-type\":[\"OrderPlaced\"]}";

    @Test
    void putEvents_shouldDeliverTheEventAsynchronously_toEveryKindOfTarget() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            eventBridge.client.putRule(r -> r.name("placed").eventPattern(PATTERN));
            eventBridge.client.putTargets(r -> r.rule("placed").targets(
                    Target.builder().id("queue").arn(LocalEventBridge.QUEUE).build(),
                    Target.builder().id("function").arn(LocalEventBridge.FUNCTION).build(),
                    Target.builder().id("saga").arn(LocalEventBridge.STATE_MACHINE).build()));

            String eventId = eventBridge.client.putEvents(r -> r.entries(
                    entry("shop", "OrderPlaced", "{\"orderId\":\"o-1\",\"amount\":12.50}"),
                    entry("shop", "OrderCancelled", "{\"orderId\":\"o-2\"}"))).entries().get(0).eventId();
            assertThat(eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE)).isEmpty();

            eventBridge.deliver();
            List<EventTargetRequest> received = eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE);
            assertThat(received).hasSize(1);
            JsonNode event = EventJson.parse(received.get(0).input());
            assertThat(event.get("id").asText()).isEqualTo(eventId);
            assertThat(EventJson.write(event)).isEqualTo("{\"version\":\"0\",\"id\":\"" + eventId + "\","
                    + "\"detail-type\":\"OrderPlaced\",\"source\":\"shop\",\"account\":\"000000000000\","
                    + "\"time\":\"2025-03-01T09:00:00Z\",\"region\":\"ap-northeast-1\",\"resources\":[],"
                    + "\"detail\":{\"orderId\":\"o-1\",\"amount\":12.50}}");
            assertThat(received.get(0).ruleArn()).isEqualTo("arn:aws:events:ap-northeast-1:000000000000:rule/placed");
            assertThat(eventBridge.targets.lambda.receivedBy(LocalEventBridge.FUNCTION)).hasSize(1);
            assertThat(eventBridge.targets.stepFunctions.receivedBy(LocalEventBridge.STATE_MACHINE)).hasSize(1);
        }
    }

    @Test
    void delivery_shouldSendTheTransformedInput_whenTheTargetHasAnInputTransformer() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            eventBridge.client.putRule(r -> r.name("placed").eventPattern(PATTERN));
            eventBridge.client.putTargets(r -> r.rule("placed").targets(Target.builder().id("queue")
                    .arn(LocalEventBridge.QUEUE)
                    .inputTransformer(t -> t.inputPathsMap(java.util.Map.of("order", "$.detail.orderId"))
                            .inputTemplate("{\"order\": <order>, \"rule\": <aws.events.rule-name>}"))
                    .build()));
            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{\"orderId\":\"o-1\"}")));
            eventBridge.deliver();
            assertThat(eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE))
                    .extracting(EventTargetRequest::input)
                    .containsExactly("{\"order\": \"o-1\", \"rule\": \"placed\"}");
        }
    }

    @Test
    void delivery_shouldRetryWithBackoff_thenSendToTheDeadLetterQueue_withAwsAttributes() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            eventBridge.client.putRule(r -> r.name("placed").eventPattern(PATTERN));
            eventBridge.client.putTargets(r -> r.rule("placed").targets(Target.builder().id("function")
                    .arn(LocalEventBridge.FUNCTION)
                    .retryPolicy(p -> p.maximumRetryAttempts(2).maximumEventAgeInSeconds(3600))
                    .deadLetterConfig(d -> d.arn(LocalEventBridge.DLQ)).build()));
            eventBridge.targets.lambda.failFor(LocalEventBridge.FUNCTION,
                    new EventTargetException("FunctionError", "handler threw", true));

            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{\"orderId\":\"o-1\"}")));
            eventBridge.deliver();
            assertThat(eventBridge.clock.pending()).isEqualTo(1);
            eventBridge.advance(Duration.ofSeconds(1));
            assertThat(eventBridge.targets.sqs.receivedBy(LocalEventBridge.DLQ)).isEmpty();
            eventBridge.advance(Duration.ofSeconds(2));

            List<EventTargetRequest> deadLetters = eventBridge.targets.sqs.receivedBy(LocalEventBridge.DLQ);
            assertThat(deadLetters).hasSize(1);
            assertThat(EventJson.parse(deadLetters.get(0).input()).path("detail").path("orderId").asText())
                    .isEqualTo("o-1");
            assertThat(deadLetters.get(0).messageAttributes())
                    .containsEntry("ERROR_CODE", "FunctionError")
                    .containsEntry("ERROR_MESSAGE", "handler threw")
                    .containsEntry("EXHAUSTED_RETRY_CONDITION", "MaximumRetryAttemptsExhausted")
                    .containsEntry("RETRY_ATTEMPTS", "2")
                    .containsEntry("RULE_ARN", "arn:aws:events:ap-northeast-1:000000000000:rule/placed")
                    .containsEntry("TARGET_ARN", LocalEventBridge.FUNCTION);
            assertThat(eventBridge.clock.pending()).isZero();
        }
    }

    @Test
    void delivery_shouldSucceedOnRetry_whenTheTargetRecoversWithinThePolicy() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            eventBridge.client.putRule(r -> r.name("placed").eventPattern(PATTERN));
            eventBridge.client.putTargets(r -> r.rule("placed").targets(Target.builder().id("queue")
                    .arn(LocalEventBridge.QUEUE).deadLetterConfig(d -> d.arn(LocalEventBridge.DLQ)).build()));
            eventBridge.targets.sqs.failFor(LocalEventBridge.QUEUE, new EventTargetException("ThrottlingException",
                    "slow down", true));
            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{}")));
            eventBridge.deliver();
            eventBridge.targets.sqs.recover(LocalEventBridge.QUEUE);
            eventBridge.advance(Duration.ofSeconds(1));
            assertThat(eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE)).hasSize(1);
            assertThat(eventBridge.targets.sqs.receivedBy(LocalEventBridge.DLQ)).isEmpty();
        }
    }

    @Test
    void delivery_shouldRetryLikeAServiceFailure_whenTheTargetThrowsUnexpectedly() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            eventBridge.client.putRule(r -> r.name("placed").eventPattern(PATTERN));
            eventBridge.client.putTargets(r -> r.rule("placed").targets(Target.builder().id("queue")
                    .arn(LocalEventBridge.QUEUE).deadLetterConfig(d -> d.arn(LocalEventBridge.DLQ)).build()));
            eventBridge.targets.sqs.failFor(LocalEventBridge.QUEUE, new IllegalStateException("a bug in the target"));
            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{}")));
            eventBridge.deliver();
            assertThat(eventBridge.targets.sqs.receivedBy(LocalEventBridge.DLQ)).isEmpty();
            assertThat(eventBridge.clock.pending()).isEqualTo(1);

            eventBridge.targets.sqs.recover(LocalEventBridge.QUEUE);
            eventBridge.advance(Duration.ofSeconds(1));

            assertThat(eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE)).hasSize(1);
        }
    }

    @Test
    void delivery_shouldGoToTheDeadLetterQueueAtOnce_whenTheFailureIsNotRetryable() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            eventBridge.client.putRule(r -> r.name("placed").eventPattern(PATTERN));
            eventBridge.client.putTargets(r -> r.rule("placed").targets(Target.builder().id("saga")
                    .arn(LocalEventBridge.STATE_MACHINE).deadLetterConfig(d -> d.arn(LocalEventBridge.DLQ)).build()));
            eventBridge.targets.stepFunctions.failFor(LocalEventBridge.STATE_MACHINE,
                    new EventTargetException("StateMachineDoesNotExist", "no such state machine", false));
            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{}")));
            eventBridge.deliver();
            List<EventTargetRequest> deadLetters = eventBridge.targets.sqs.receivedBy(LocalEventBridge.DLQ);
            assertThat(deadLetters).hasSize(1);
            assertThat(deadLetters.get(0).messageAttributes())
                    .containsEntry("ERROR_CODE", "StateMachineDoesNotExist")
                    .containsEntry("RETRY_ATTEMPTS", "0")
                    .doesNotContainKey("EXHAUSTED_RETRY_CONDITION");
        }
    }

    @Test
    void delivery_shouldGiveUp_whenTheEventOutlivesMaximumEventAge() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            eventBridge.client.putRule(r -> r.name("placed").eventPattern(PATTERN));
            eventBridge.client.putTargets(r -> r.rule("placed").targets(Target.builder().id("queue")
                    .arn(LocalEventBridge.QUEUE).retryPolicy(p -> p.maximumEventAgeInSeconds(60))
                    .deadLetterConfig(d -> d.arn(LocalEventBridge.DLQ)).build()));
            eventBridge.targets.sqs.failFor(LocalEventBridge.QUEUE, new EventTargetException("Throttled", "busy", true));
            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{}")));
            eventBridge.deliver();
            eventBridge.advance(Duration.ofMinutes(2));
            List<EventTargetRequest> deadLetters = eventBridge.targets.sqs.receivedBy(LocalEventBridge.DLQ);
            assertThat(deadLetters).hasSize(1);
            assertThat(deadLetters.get(0).messageAttributes())
                    .containsEntry("EXHAUSTED_RETRY_CONDITION", "MaximumEventAgeExhausted");
        }
    }

    @Test
    void delivery_shouldForwardToAnotherBus_whoseRulesThenMatch() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            String busArn = eventBridge.client.createEventBus(r -> r.name("orders")).eventBusArn();
            eventBridge.client.putRule(r -> r.name("forward").eventPattern(PATTERN));
            eventBridge.client.putTargets(r -> r.rule("forward").targets(Target.builder().id("bus").arn(busArn).build()));
            eventBridge.client.putRule(r -> r.name("placed").eventBusName("orders").eventPattern(PATTERN));
            eventBridge.client.putTargets(r -> r.rule("placed").eventBusName("orders")
                    .targets(Target.builder().id("queue").arn(LocalEventBridge.QUEUE).build()));
            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{\"orderId\":\"o-9\"}")));
            eventBridge.deliver();
            List<EventTargetRequest> received = eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE);
            assertThat(received).hasSize(1);
            assertThat(received.get(0).ruleArn()).isEqualTo("arn:aws:events:ap-northeast-1:000000000000:rule/orders/placed");
            assertThat(EventJson.parse(received.get(0).input()).path("detail").path("orderId").asText()).isEqualTo("o-9");
        }
    }

    @Test
    void disabledRule_shouldNotDeliver() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            eventBridge.client.putRule(r -> r.name("placed").eventPattern(PATTERN).state("DISABLED"));
            eventBridge.client.putTargets(r -> r.rule("placed").targets(Target.builder().id("q").arn(LocalEventBridge.QUEUE).build()));
            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{}")));
            eventBridge.deliver();
            assertThat(eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE)).isEmpty();
        }
    }

    @Test
    void acceptedEvents_shouldBeDeliveredAfterARestart_whenTheyWereNotDeliveredBefore(@TempDir Path data) {
        try (LocalEventBridge before = new LocalEventBridge(data)) {
            before.client.putRule(r -> r.name("placed").eventPattern(PATTERN));
            before.client.putTargets(r -> r.rule("placed").targets(Target.builder().id("q").arn(LocalEventBridge.QUEUE).build()));
            for (int i = 0; i < 5; i++) {
                String detail = "{\"n\":" + i + "}";
                before.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", detail)));
            }
            assertThat(before.work.pending()).isPositive();
            assertThat(before.targets.sqs.receivedBy(LocalEventBridge.QUEUE)).isEmpty();
        }
        try (LocalEventBridge after = new LocalEventBridge(data)) {
            after.deliver();
            assertThat(after.targets.sqs.receivedBy(LocalEventBridge.QUEUE))
                    .extracting(request -> EventJson.parse(request.input()).path("detail").path("n").asInt())
                    .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
            assertThat(after.client.listTargetsByRule(r -> r.rule("placed")).targets()).hasSize(1);
        }
    }

    @Test
    void pendingRetries_shouldResumeAfterARestart(@TempDir Path data) {
        try (LocalEventBridge before = new LocalEventBridge(data)) {
            before.client.putRule(r -> r.name("placed").eventPattern(PATTERN));
            before.client.putTargets(r -> r.rule("placed").targets(Target.builder().id("q").arn(LocalEventBridge.QUEUE).build()));
            before.targets.sqs.failFor(LocalEventBridge.QUEUE, new EventTargetException("Throttled", "busy", true));
            before.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{}")));
            before.deliver();
        }
        try (LocalEventBridge after = new LocalEventBridge(data)) {
            after.deliver();
            assertThat(after.targets.sqs.receivedBy(LocalEventBridge.QUEUE)).isEmpty();
            after.advance(Duration.ofSeconds(1));
            assertThat(after.targets.sqs.receivedBy(LocalEventBridge.QUEUE)).hasSize(1);
        }
    }
}
