package io.nagare.local.eventbridge;

import java.util.List;
import java.util.UUID;

/** The durable records of EventBridge's resources and work, stored as JSON by {@link EventBridgeStore}. */
final class Records {

    private Records() {
    }

    record Bus(String name, String description, long createdMillis, long modifiedMillis) {
    }

    /**
     * A rule. {@code scheduleAnchorMillis} is when the schedule was set: {@code rate()} fires at whole periods
     * after it.
     */
    record Rule(String bus, String name, String eventPattern, String scheduleExpression, String state,
                String description, String roleArn, long scheduleAnchorMillis) {

        boolean enabled() {
            return !"DISABLED".equals(state);
        }

        Rule withState(String newState) {
            return new Rule(bus, name, eventPattern, scheduleExpression, newState, description, roleArn,
                    scheduleAnchorMillis);
        }
    }

    record Archive(String name, String sourceArn, String description, String eventPattern, int retentionDays,
                   long createdMillis, long eventCount, long sizeBytes) {

        Archive withEvent(long bytes) {
            return new Archive(name, sourceArn, description, eventPattern, retentionDays, createdMillis,
                    eventCount + 1, sizeBytes + bytes);
        }
    }

    /** An archived event: the event as delivered (JSON text) and when EventBridge received it. */
    record ArchivedEvent(String event, long ingestionMillis) {
    }

    record Replay(String name, String description, String archiveArn, long eventStartMillis, long eventEndMillis,
                  String destinationArn, List<String> filterArns, String state, long replayStartMillis,
                  Long replayEndMillis, Long lastReplayedMillis) {

        Replay progressed(String newState, Long lastReplayed, Long end) {
            return new Replay(name, description, archiveArn, eventStartMillis, eventEndMillis, destinationArn,
                    filterArns, newState, replayStartMillis, end, lastReplayed);
        }
    }

    /**
     * An accepted event not yet matched against rules. A scheduled event goes to its {@code scheduledRule} only;
     * a replayed event only to the rules in {@code onlyRuleArns} (null: every rule of the bus) and never to
     * archives.
     */
    record OutboxEntry(String bus, String event, long ingestionMillis, String scheduledRule,
                       List<String> onlyRuleArns, boolean archivable) {
    }

    /**
     * One matched event on its way to one target: the input already rendered, the event kept for the
     * dead-letter queue, the last failure for its attributes. A first attempt has no id; a retry record gets one.
     */
    record Delivery(String id, String ruleArn, String target, String event, String input, long ingestionMillis,
                    int retries, long dueMillis, String lastErrorCode, String lastErrorMessage) {

        Delivery failed(long nextDueMillis, String errorCode, String errorMessage) {
            return new Delivery(id == null ? UUID.randomUUID().toString() : id, ruleArn, target, event, input,
                    ingestionMillis, retries + 1, nextDueMillis, errorCode, errorMessage);
        }
    }
}
