package io.nagare.local.eventbridge;

import static io.nagare.local.eventbridge.EventBridgeApiTest.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.eventbridge.model.IllegalStatusException;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** ListReplays, CancelReplay, UpdateArchive and tags, through the AWS SDK. */
class ReplayArchiveTagTest {

    private static final String PATTERN = "{\"source\":[\"shop\"]}";

    @Test
    void cancelReplay_shouldStopAReplayBeforeItSendsAnything_andRefuseAFinishedOne() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            String busArn = eventBridge.client.describeEventBus(r -> { }).arn();
            String archiveArn = eventBridge.client.createArchive(r -> r.archiveName("all").eventSourceArn(busArn))
                    .archiveArn();
            eventBridge.client.putRule(r -> r.name("orders").eventPattern(PATTERN));
            eventBridge.client.putTargets(r -> r.rule("orders").targets(Target.builder().id("q")
                    .arn(LocalEventBridge.QUEUE).build()));
            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{}")));
            eventBridge.deliver();

            replay(eventBridge, "cancelled", archiveArn, busArn);
            var cancelling = eventBridge.client.cancelReplay(r -> r.replayName("cancelled"));
            assertThat(cancelling.stateAsString()).isEqualTo("CANCELLING");
            assertThat(cancelling.replayArn()).isEqualTo("arn:aws:events:ap-northeast-1:000000000000:replay/cancelled");
            eventBridge.deliver();
            replay(eventBridge, "completed", archiveArn, busArn);
            eventBridge.deliver();

            assertThat(eventBridge.client.describeReplay(r -> r.replayName("cancelled")).state())
                    .isEqualTo(ReplayState.CANCELLED);
            assertThat(eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE)).hasSize(2);
            assertThatThrownBy(() -> eventBridge.client.cancelReplay(r -> r.replayName("completed")))
                    .isInstanceOf(IllegalStatusException.class).hasMessageContaining("COMPLETED");
            assertThatThrownBy(() -> eventBridge.client.cancelReplay(r -> r.replayName("absent")))
                    .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Replay absent does not exist.");
        }
    }

    @Test
    void listReplays_shouldFilterByPrefixStateAndArchive_andPage() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            String busArn = eventBridge.client.describeEventBus(r -> { }).arn();
            String archiveArn = eventBridge.client.createArchive(r -> r.archiveName("all").eventSourceArn(busArn))
                    .archiveArn();
            replay(eventBridge, "nightly-1", archiveArn, busArn);
            replay(eventBridge, "nightly-2", archiveArn, busArn);
            replay(eventBridge, "manual", archiveArn, busArn);
            eventBridge.client.cancelReplay(r -> r.replayName("nightly-2"));
            eventBridge.deliver();

            var firstPage = eventBridge.client.listReplays(r -> r.namePrefix("nightly").limit(1));
            var secondPage = eventBridge.client.listReplays(r -> r.namePrefix("nightly").limit(1)
                    .nextToken(firstPage.nextToken()));

            assertThat(firstPage.replays()).extracting(r -> r.replayName()).containsExactly("nightly-1");
            assertThat(secondPage.replays()).extracting(r -> r.replayName()).containsExactly("nightly-2");
            assertThat(secondPage.nextToken()).isNull();
            assertThat(eventBridge.client.listReplays(r -> r.state(ReplayState.CANCELLED)).replays())
                    .extracting(r -> r.replayName()).containsExactly("nightly-2");
            assertThat(eventBridge.client.listReplays(r -> r.eventSourceArn(archiveArn)).replays()).hasSize(3)
                    .allSatisfy(r -> assertThat(r.eventSourceArn()).isEqualTo(archiveArn));
        }
    }

    @Test
    void updateArchive_shouldChangeWhatItKeeps_andRefuseAnInvalidPattern() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            String busArn = eventBridge.client.describeEventBus(r -> { }).arn();
            eventBridge.client.createArchive(r -> r.archiveName("orders").eventSourceArn(busArn)
                    .eventPattern("{\"detail-type\":[\"OrderPlaced\"]}"));
            var updated = eventBridge.client.updateArchive(r -> r.archiveName("orders").description("cancellations")
                    .eventPattern("{\"detail-type\":[\"OrderCancelled\"]}").retentionDays(7));
            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{}"),
                    entry("shop", "OrderCancelled", "{}"), entry("shop", "OrderCancelled", "{}")));
            eventBridge.deliver();

            var archive = eventBridge.client.describeArchive(r -> r.archiveName("orders"));
            assertThat(updated.archiveArn()).isEqualTo("arn:aws:events:ap-northeast-1:000000000000:archive/orders");
            assertThat(archive.eventCount()).isEqualTo(2);
            assertThat(archive.description()).isEqualTo("cancellations");
            assertThat(archive.retentionDays()).isEqualTo(7);
            assertThatThrownBy(() -> eventBridge.client.updateArchive(r -> r.archiveName("orders")
                    .eventPattern("{\"detail-type\":\"OrderPlaced\"}")))
                    .hasMessageContaining("Event pattern is not valid");
            assertThatThrownBy(() -> eventBridge.client.updateArchive(r -> r.archiveName("absent")))
                    .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Archive absent does not exist.");
        }
    }

    @Test
    void archive_shouldDropEventsOlderThanItsRetentionOnTheClock_fromWhatItShowsAndReplays() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            String busArn = eventBridge.client.describeEventBus(r -> { }).arn();
            String archiveArn = eventBridge.client.createArchive(r -> r.archiveName("week").eventSourceArn(busArn)
                    .retentionDays(7)).archiveArn();
            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{\"n\":1}")));
            eventBridge.deliver();
            eventBridge.advance(java.time.Duration.ofDays(6));
            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{\"n\":2}")));
            eventBridge.deliver();
            assertThat(eventBridge.client.describeArchive(r -> r.archiveName("week")).eventCount()).isEqualTo(2);

            eventBridge.advance(java.time.Duration.ofDays(1).plusSeconds(1));
            eventBridge.client.putRule(r -> r.name("orders").eventPattern(PATTERN));
            eventBridge.client.putTargets(r -> r.rule("orders").targets(Target.builder().id("q")
                    .arn(LocalEventBridge.QUEUE).build()));
            Instant start = LocalEventBridge.START.minusSeconds(60);
            eventBridge.client.startReplay(r -> r.replayName("all").eventSourceArn(archiveArn).eventStartTime(start)
                    .eventEndTime(start.plus(java.time.Duration.ofDays(30))).destination(d -> d.arn(busArn)));
            eventBridge.deliver();

            var archive = eventBridge.client.describeArchive(r -> r.archiveName("week"));
            assertThat(archive.eventCount()).isEqualTo(1);
            assertThat(eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE)).singleElement()
                    .satisfies(sent -> assertThat(EventJson.parse(sent.input()).path("detail").path("n").asInt())
                            .isEqualTo(2));
        }
    }

    @Test
    void tags_shouldBeKeptOnBusesAndRules_acrossARestart_andGoWithTheResource(@TempDir Path dataDirectory) {
        String busArn;
        String ruleArn;
        try (LocalEventBridge eventBridge = new LocalEventBridge(dataDirectory)) {
            busArn = eventBridge.client.createEventBus(r -> r.name("orders")
                    .tags(Tag.builder().key("team").value("fulfilment").build())).eventBusArn();
            ruleArn = eventBridge.client.putRule(r -> r.name("placed").eventBusName("orders").eventPattern(PATTERN)
                    .tags(Tag.builder().key("cost-centre").value("42").build())).ruleArn();
            eventBridge.client.tagResource(r -> r.resourceARN(busArn).tags(
                    Tag.builder().key("team").value("orders").build(), Tag.builder().key("env").value("dev").build()));
            eventBridge.client.untagResource(r -> r.resourceARN(busArn).tagKeys("env"));
        }
        try (LocalEventBridge eventBridge = new LocalEventBridge(dataDirectory)) {
            assertThat(eventBridge.client.listTagsForResource(r -> r.resourceARN(busArn)).tags())
                    .containsExactly(Tag.builder().key("team").value("orders").build());
            assertThat(eventBridge.client.listTagsForResource(r -> r.resourceARN(ruleArn)).tags())
                    .containsExactly(Tag.builder().key("cost-centre").value("42").build());
            assertThatThrownBy(() -> eventBridge.client.tagResource(r -> r.resourceARN(ruleArn.replace("placed",
                    "absent")).tags(Tag.builder().key("a").value("b").build())))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("Rule absent does not exist on EventBus orders.");
            assertThatThrownBy(() -> eventBridge.client.tagResource(r -> r.resourceARN(busArn)
                    .tags(Tag.builder().key("aws:owner").value("x").build())))
                    .hasMessageContaining("aws: prefix is reserved");

            eventBridge.client.deleteRule(r -> r.name("placed").eventBusName("orders"));
            eventBridge.client.deleteEventBus(r -> r.name("orders"));
            eventBridge.client.createEventBus(r -> r.name("orders"));
            eventBridge.client.putRule(r -> r.name("placed").eventBusName("orders").eventPattern(PATTERN));

            assertThat(eventBridge.client.listTagsForResource(r -> r.resourceARN(busArn)).tags()).isEmpty();
            assertThat(eventBridge.client.listTagsForResource(r -> r.resourceARN(ruleArn)).tags()).isEmpty();
        }
    }

    private static void replay(LocalEventBridge eventBridge, String name, String archiveArn, String busArn) {
        Instant start = LocalEventBridge.START.minusSeconds(60);
        eventBridge.client.startReplay(r -> r.replayName(name).eventSourceArn(archiveArn).eventStartTime(start)
                .eventEndTime(start.plusSeconds(3600)).destination(d -> d.arn(busArn)));
    }
}
