package io.nagare.local.eventbridge;

import io.nagare.local.runtime.targets.EventTargetRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.Target;

class ScheduleTest {

    private static final Instant ANCHOR = Instant.parse("2025-03-01T09:00:00Z");

    @Test
    void parse_shouldRejectAsAws_whenTheExpressionIsInvalid() {
        for (String invalid : List.of("rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "rate(5 weeks)",
                "cron(0 12 * * * *)", "cron(0 12 ? * ? *)", "cron(60 12 * * ? *)", "cron(0 12 * *)", "every 5 min")) {
            assertThatThrownBy(() -> ScheduleExpression.parse(invalid)).as(invalid)
                    .hasMessage("Parameter ScheduleExpression is not valid.");
        }
    }

    @Test
    void rate_shouldFireAtWholePeriodsAfterItsAnchor() {
        ScheduleExpression every5 = ScheduleExpression.parse("rate(5 minutes)");
        assertThat(every5.next(ANCHOR, ANCHOR)).isEqualTo(ANCHOR.plusSeconds(300));
        assertThat(every5.next(ANCHOR, ANCHOR.plusSeconds(301))).isEqualTo(ANCHOR.plusSeconds(600));
        assertThat(ScheduleExpression.parse("rate(1 day)").next(ANCHOR, ANCHOR)).isEqualTo(ANCHOR.plus(Duration.ofDays(1)));
    }

    @Test
    void cron_shouldFindTheNextMatchingMinute_inUtc() {
        assertThat(next("cron(0 10 * * ? *)", "2025-03-01T09:00:00Z")).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(next("cron(15,45 * * * ? *)", "2025-03-01T09:20:00Z")).isEqualTo("2025-03-01T09:45:00Z");
        assertThat(next("cron(0/20 8-9 * * ? *)", "2025-03-01T09:41:00Z")).isEqualTo("2025-03-02T08:00:00Z");
        assertThat(next("cron(0 18 ? * MON-FRI *)", "2025-03-01T09:00:00Z")).isEqualTo("2025-03-03T18:00:00Z");
        assertThat(next("cron(0 8 L * ? *)", "2025-02-01T00:00:00Z")).isEqualTo("2025-02-28T08:00:00Z");
        assertThat(next("cron(0 9 ? * 6#3 *)", "2025-03-01T00:00:00Z")).isEqualTo("2025-03-21T09:00:00Z");
        assertThat(next("cron(0 9 1W * ? *)", "2025-02-15T00:00:00Z")).isEqualTo("2025-03-03T09:00:00Z");
        assertThat(next("cron(0 0 1 JAN ? 2030)", "2025-03-01T00:00:00Z")).isEqualTo("2030-01-01T00:00:00Z");
    }

    @Test
    void scheduleRule_shouldSendScheduledEvents_onTheInjectedClock() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            String ruleArn = eventBridge.client.putRule(r -> r.name("tick").scheduleExpression("rate(5 minutes)")).ruleArn();
            eventBridge.client.putTargets(r -> r.rule("tick").targets(Target.builder().id("q").arn(LocalEventBridge.QUEUE).build()));
            eventBridge.advance(Duration.ofMinutes(4));
            assertThat(eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE)).isEmpty();
            eventBridge.advance(Duration.ofMinutes(6));
            List<EventTargetRequest> received = eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE);
            assertThat(received).hasSize(2);
            JsonNode event = EventJson.parse(received.get(0).input());
            assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
            assertThat(event.get("source").asText()).isEqualTo("aws.events");
            assertThat(event.get("time").asText()).isEqualTo("2025-03-01T09:05:00Z");
            assertThat(event.get("resources").get(0).asText()).isEqualTo(ruleArn);
            assertThat(event.get("detail").isEmpty()).isTrue();

            eventBridge.client.disableRule(r -> r.name("tick"));
            eventBridge.advance(Duration.ofMinutes(10));
            assertThat(eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE)).hasSize(2);
        }
    }

    private static String next(String expression, String after) {
        return ScheduleExpression.parse(expression).next(ANCHOR, Instant.parse(after)).toString();
    }
}
