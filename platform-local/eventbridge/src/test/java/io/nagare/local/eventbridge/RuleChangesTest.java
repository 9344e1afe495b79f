package io.nagare.local.eventbridge;

import static io.nagare.local.eventbridge.EventBridgeApiTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nagare.local.runtime.targets.EventTargetRequest;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** Rules changed while events flow: every change reaches matching, whatever the order of concurrent calls. */
class RuleChangesTest {

    @Test
    void putRule_shouldMatchEveryRule_whenManyAreCreatedConcurrently() throws Exception {
        int rules = 200;
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            ExecutorService callers = Executors.newFixedThreadPool(16);
            try {
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < rules; i++) {
                    String name = "rule-" + i;
                    calls.add(callers.submit(() -> {
                        eventBridge.client.putRule(r -> r.name(name)
                                .eventPattern("{\"detail-type\":[\"" + name + "\"]}"));
                        eventBridge.client.putTargets(r -> r.rule(name)
                                .targets(Target.builder().id("queue").arn(LocalEventBridge.QUEUE).build()));
                    }));
                }
                for (Future<?> call : calls) {
                    call.get();
                }
            } finally {
                callers.shutdownNow();
            }

            for (int i = 0; i < rules; i++) {
                String detailType = "rule-" + i;
                eventBridge.client.putEvents(r -> r.entries(entry("shop", detailType, "{}")));
            }
            eventBridge.deliver();

            assertThat(eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE))
                    .extracting(EventTargetRequest::ruleArn)
                    .map(arn -> arn.substring(arn.lastIndexOf('/') + 1))
                    .hasSize(rules)
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void putRule_shouldMatchTheNewPatternOnly_whenThePatternChanges() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            eventBridge.client.putRule(r -> r.name("orders").eventPattern("{\"detail-type\":[\"OrderPlaced\"]}"));
            eventBridge.client.putTargets(r -> r.rule("orders")
                    .targets(Target.builder().id("queue").arn(LocalEventBridge.QUEUE).build()));
            eventBridge.client.putRule(r -> r.name("orders").eventPattern("{\"detail-type\":[\"OrderShipped\"]}"));

            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{\"n\":1}"),
                    entry("shop", "OrderShipped", "{\"n\":2}")));
            eventBridge.deliver();

            assertThat(eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE))
                    .extracting(request -> EventJson.parse(request.input()).path("detail").path("n").asInt())
                    .containsExactly(2);
        }
    }

    @Test
    void rules_shouldMatchAgainAfterRestart_asTheyWereLastChanged(@TempDir Path data) {
        try (LocalEventBridge before = new LocalEventBridge(data)) {
            before.client.putRule(r -> r.name("placed").eventPattern("{\"detail-type\":[\"OrderPlaced\"]}"));
            before.client.putTargets(r -> r.rule("placed")
                    .targets(Target.builder().id("queue").arn(LocalEventBridge.QUEUE).build()));
            before.client.putRule(r -> r.name("cancelled").eventPattern("{\"detail-type\":[\"OrderCancelled\"]}"));
            before.client.putTargets(r -> r.rule("cancelled")
                    .targets(Target.builder().id("queue").arn(LocalEventBridge.QUEUE).build()));
            before.client.disableRule(r -> r.name("cancelled"));
            before.client.removeTargets(r -> r.rule("placed").ids("queue"));
            before.client.putTargets(r -> r.rule("placed")
                    .targets(Target.builder().id("dlq").arn(LocalEventBridge.DLQ).build()));
        }
        try (LocalEventBridge after = new LocalEventBridge(data)) {
            after.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{}"),
                    entry("shop", "OrderCancelled", "{}")));
            after.deliver();

            assertThat(after.targets.sqs.receivedBy(LocalEventBridge.QUEUE)).isEmpty();
            assertThat(after.targets.sqs.receivedBy(LocalEventBridge.DLQ)).hasSize(1);
        }
    }

    @Test
    void enableRule_shouldMatchAgain_afterTheRuleWasDisabled() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            eventBridge.client.putRule(r -> r.name("placed").eventPattern("{\"detail-type\":[\"OrderPlaced\"]}"));
            eventBridge.client.putTargets(r -> r.rule("placed")
                    .targets(Target.builder().id("queue").arn(LocalEventBridge.QUEUE).build()));
            eventBridge.client.disableRule(r -> r.name("placed"));
            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{\"n\":1}")));
            eventBridge.deliver();
            eventBridge.client.enableRule(r -> r.name("placed"));
            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{\"n\":2}")));
            eventBridge.deliver();

            assertThat(eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE))
                    .extracting(request -> EventJson.parse(request.input()).path("detail").path("n").asInt())
                    .containsExactly(2);
        }
    }
}
