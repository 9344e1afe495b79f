package io.nagare.local.eventbridge;

import io.nagare.local.runtime.targets.EventTargetRequest;
import static io.nagare.local.eventbridge.EventBridgeApiTest.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.eventbridge.model.Target;

class ArchiveReplayTest {

    private static final String PATTERN = "{\"source\":[\"shop\"]}";

    @Test
    void replay_shouldResendArchivedEventsOfTheWindow_markedWithReplayName_toTheChosenRulesOnly() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            String busArn = eventBridge.client.describeEventBus(r -> { }).arn();
            String archiveArn = eventBridge.client.createArchive(r -> r.archiveName("all").eventSourceArn(busArn))
                    .archiveArn();
            assertThat(archiveArn).isEqualTo("arn:aws:events:ap-northeast-1:000000000000:archive/all");
            String firstArn = eventBridge.client.putRule(r -> r.name("first").eventPattern(PATTERN)).ruleArn();
            eventBridge.client.putRule(r -> r.name("second").eventPattern(PATTERN));
            eventBridge.client.putTargets(r -> r.rule("first").targets(Target.builder().id("q").arn(LocalEventBridge.QUEUE).build()));
            eventBridge.client.putTargets(r -> r.rule("second").targets(Target.builder().id("f").arn(LocalEventBridge.FUNCTION).build()));

            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{\"n\":1}")));
            eventBridge.advance(Duration.ofHours(1));
            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{\"n\":2}")));
            eventBridge.deliver();
            assertThat(eventBridge.client.describeArchive(r -> r.archiveName("all")).eventCount()).isEqualTo(2);

            Instant start = LocalEventBridge.START.minusSeconds(60);
            Instant end = LocalEventBridge.START.plusSeconds(1800);
            var started = eventBridge.client.startReplay(r -> r.replayName("again").eventSourceArn(archiveArn)
                    .eventStartTime(start).eventEndTime(end)
                    .destination(d -> d.arn(busArn).filterArns(firstArn)));
            assertThat(started.stateAsString()).isEqualTo("STARTING");
            eventBridge.deliver();

            List<EventTargetRequest> queue = eventBridge.targets.sqs.receivedBy(LocalEventBridge.QUEUE);
            assertThat(queue).hasSize(3);
            var replayed = EventJson.parse(queue.get(2).input());
            assertThat(replayed.get("replay-name").asText()).isEqualTo("again");
            assertThat(replayed.path("detail").path("n").asInt()).isEqualTo(1);
            assertThat(eventBridge.targets.lambda.receivedBy(LocalEventBridge.FUNCTION)).hasSize(2);
            assertThat(eventBridge.client.describeArchive(r -> r.archiveName("all")).eventCount()).isEqualTo(2);

            var replay = eventBridge.client.describeReplay(r -> r.replayName("again"));
            assertThat(replay.state()).isEqualTo(ReplayState.COMPLETED);
            assertThat(replay.eventLastReplayedTime()).isEqualTo(LocalEventBridge.START);
        }
    }

    @Test
    void archive_shouldKeepOnlyEventsMatchingItsPattern() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            String busArn = eventBridge.client.describeEventBus(r -> { }).arn();
            eventBridge.client.createArchive(r -> r.archiveName("placed").eventSourceArn(busArn)
                    .eventPattern("{\"detail-type\":[\"OrderPlaced\"]}"));
            eventBridge.client.putEvents(r -> r.entries(entry("shop", "OrderPlaced", "{}"),
                    entry("shop", "OrderCancelled", "{}")));
            eventBridge.deliver();
            assertThat(eventBridge.client.listArchives(r -> { }).archives())
                    .singleElement().satisfies(archive -> assertThat(archive.eventCount()).isEqualTo(1));
        }
    }

    @Test
    void startReplay_shouldRejectAsAws_whenTheWindowOrArchiveIsWrong() {
        try (LocalEventBridge eventBridge = new LocalEventBridge(null)) {
            String busArn = eventBridge.client.describeEventBus(r -> { }).arn();
            String archiveArn = eventBridge.client.createArchive(r -> r.archiveName("all").eventSourceArn(busArn))
                    .archiveArn();
            Instant now = LocalEventBridge.START;
            assertThatThrownBy(() -> eventBridge.client.startReplay(r -> r.replayName("r").eventSourceArn(archiveArn)
                    .eventStartTime(now).eventEndTime(now).destination(d -> d.arn(busArn))))
                    .hasMessageContaining("Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.");
            assertThatThrownBy(() -> eventBridge.client.startReplay(r -> r.replayName("r")
                    .eventSourceArn(archiveArn.replace("all", "none")).eventStartTime(now.minusSeconds(1))
                    .eventEndTime(now).destination(d -> d.arn(busArn))))
                    .hasMessageContaining("Parameter EventSourceArn is not valid. Reason: Archive none does not exist.");
            assertThatThrownBy(() -> eventBridge.client.describeReplay(r -> r.replayName("r")))
                    .hasMessageContaining("Replay r does not exist.");
            eventBridge.client.deleteArchive(r -> r.archiveName("all"));
            assertThatThrownBy(() -> eventBridge.client.describeArchive(r -> r.archiveName("all")))
                    .hasMessageContaining("Archive all does not exist.");
        }
    }
}
