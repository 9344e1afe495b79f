package io.nagare.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.nagare.local.runtime.testing.AwsCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives the local SQS with the AWS CLI, as a developer would with {@code --endpoint-url}. Needs {@code aws} on PATH
 * (Debian's {@code awscli}); without it the test says so instead of failing.
 */
class AwsCliTest {

    private static LocalSqs sqs;

    @BeforeAll
    static void start() {
        AwsCli.assumeInstalled();
        sqs = new LocalSqs();
    }

    @AfterAll
    static void stop() {
        if (sqs != null) {
            sqs.close();
        }
    }

    @Test
    void awsCli_shouldCreateSendAndReceive_whenPointedAtTheLocalEndpoint() throws Exception {
        AwsCli.Result created = aws("sqs", "create-queue", "--queue-name", "cli-orders", "--query", "QueueUrl");
        AwsCli.Result sent = aws("sqs", "send-message", "--queue-url", sqs.queueUrl("cli-orders"),
                "--message-body", "{\"orderId\":\"o-9\"}");
        AwsCli.Result received = aws("sqs", "receive-message", "--queue-url", sqs.queueUrl("cli-orders"),
                "--query", "Messages[0].Body");

        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(created.output().strip()).isEqualTo(sqs.queueUrl("cli-orders"));
        assertThat(sent.exitCode()).as(sent.output()).isZero();
        assertThat(received.output().strip()).isEqualTo("{\"orderId\":\"o-9\"}");
    }

    @Test
    void awsCli_shouldReportSqsErrorCode_whenTheQueueIsMissing() throws Exception {
        AwsCli.Result missing = aws("sqs", "get-queue-url", "--queue-name", "absent");

        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.output()).contains("AWS.SimpleQueueService.NonExistentQueue")
                .contains("The specified queue does not exist.");
    }

    @Test
    void awsCli_shouldKeepAndValidateAttributesElasticMqDrops_whenCreatingAndReadingAQueue() throws Exception {
        AwsCli.Result created = aws("sqs", "create-queue", "--queue-name", "cli-retained", "--attributes",
                "MessageRetentionPeriod=86400,MaximumMessageSize=2048");
        AwsCli.Result read = aws("sqs", "get-queue-attributes", "--queue-url", sqs.queueUrl("cli-retained"),
                "--attribute-names", "MessageRetentionPeriod", "MaximumMessageSize", "QueueArn",
                "--query", "[Attributes.MessageRetentionPeriod,Attributes.MaximumMessageSize]");
        AwsCli.Result refused = aws("sqs", "create-queue", "--queue-name", "cli-refused", "--attributes",
                "MessageRetentionPeriod=10");
        AwsCli.Result tooLarge = aws("sqs", "send-message", "--queue-url", sqs.queueUrl("cli-retained"),
                "--message-body", "x".repeat(2049));

        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(read.output().strip().split("\\s+")).containsExactly("86400", "2048");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("InvalidAttributeValue")
                .contains("Invalid value for the parameter MessageRetentionPeriod.");
        assertThat(tooLarge.output()).contains("InvalidParameterValue")
                .contains("Message must be shorter than 2048 bytes.");
    }

    private static AwsCli.Result aws(String... arguments) {
        String[] withOutput = new String[arguments.length + 2];
        withOutput[0] = "--output";
        withOutput[1] = "text";
        System.arraycopy(arguments, 0, withOutput, 2, arguments.length);
        return AwsCli.run(sqs.runtime.endpointUrl(), withOutput);
    }
}
