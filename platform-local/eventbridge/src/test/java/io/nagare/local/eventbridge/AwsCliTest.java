package io.nagare.local.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.nagare.local.runtime.testing.AwsCli;

/** Tags, UpdateArchive, ListReplays and CancelReplay through the AWS CLI (Debian's awscli), as a developer runs them. */
class AwsCliTest {

    private static LocalEventBridge eventBridge;

    @BeforeAll
    static void start() {
        AwsCli.assumeInstalled();
        eventBridge = new LocalEventBridge(null);
    }

    @AfterAll
    static void stop() {
        if (eventBridge != null) {
            eventBridge.close();
        }
    }

    @Test
    void awsCli_shouldTagABusAndListItsTags() {
        AwsCli.Result created = aws("events", "create-event-bus", "--name", "cli-orders", "--tags",
                "Key=team,Value=fulfilment", "--query", "EventBusArn");
        String arn = created.output().strip();
        AwsCli.Result tagged = aws("events", "tag-resource", "--resource-arn", arn, "--tags", "Key=env,Value=dev");
        AwsCli.Result untagged = aws("events", "untag-resource", "--resource-arn", arn, "--tag-keys", "team");
        AwsCli.Result listed = aws("events", "list-tags-for-resource", "--resource-arn", arn, "--query",
                "Tags[].[Key,Value]");

        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(tagged.exitCode()).as(tagged.output()).isZero();
        assertThat(untagged.exitCode()).as(untagged.output()).isZero();
        assertThat(listed.output().strip().split("\\s+")).containsExactly("env", "dev");
    }

    @Test
    void awsCli_shouldUpdateAnArchiveAndListAndCancelReplays() {
        String busArn = aws("events", "describe-event-bus", "--query", "Arn").output().strip();
        String archiveArn = aws("events", "create-archive", "--archive-name", "cli-archive", "--event-source-arn",
                busArn, "--query", "ArchiveArn").output().strip();
        AwsCli.Result updated = aws("events", "update-archive", "--archive-name", "cli-archive", "--retention-days",
                "3", "--description", "three days");
        AwsCli.Result started = aws("events", "start-replay", "--replay-name", "cli-replay", "--event-source-arn",
                archiveArn, "--event-start-time", "2025-03-01T08:00:00Z", "--event-end-time", "2025-03-01T10:00:00Z",
                "--destination", "Arn=" + busArn);
        AwsCli.Result cancelled = aws("events", "cancel-replay", "--replay-name", "cli-replay", "--query", "State");
        AwsCli.Result listed = aws("events", "list-replays", "--name-prefix", "cli-", "--query",
                "Replays[].[ReplayName,State]");
        AwsCli.Result described = aws("events", "describe-archive", "--archive-name", "cli-archive", "--query",
                "[RetentionDays,Description]");

        assertThat(updated.exitCode()).as(updated.output()).isZero();
        assertThat(started.exitCode()).as(started.output()).isZero();
        assertThat(cancelled.output().strip()).isEqualTo("CANCELLING");
        assertThat(listed.output().strip().split("\\s+")).containsExactly("cli-replay", "CANCELLING");
        assertThat(described.output().strip()).isEqualTo("3\tthree days");
    }

    private static AwsCli.Result aws(String... arguments) {
        String[] withOutput = new String[arguments.length + 2];
        withOutput[0] = "--output";
        withOutput[1] = "text";
        System.arraycopy(arguments, 0, withOutput, 2, arguments.length);
        return AwsCli.run(eventBridge.runtime.endpointUrl(), withOutput);
    }
}
