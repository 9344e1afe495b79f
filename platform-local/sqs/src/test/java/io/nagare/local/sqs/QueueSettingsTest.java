package io.nagare.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The queue attributes ElasticMQ drops, kept, validated and enforced by the local SQS. */
class QueueSettingsTest {

    private static LocalSqs sqs;

    @BeforeAll
    static void start() {
        sqs = new LocalSqs();
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    private static String create(String name, Map<QueueAttributeName, String> attributes) {
        return sqs.client.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
    }

    private static Map<QueueAttributeName, String> attributes(String url) {
        return sqs.client.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributes();
    }

    @Test
    void getQueueAttributes_shouldAnswerSqsDefaults_whenAQueueIsCreatedWithoutThem() {
        String url = create("plain-settings", Map.of());

        assertThat(attributes(url))
                .containsEntry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "345600")
                .containsEntry(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "262144")
                .containsEntry(QueueAttributeName.SQS_MANAGED_SSE_ENABLED, "true")
                .doesNotContainKeys(QueueAttributeName.POLICY, QueueAttributeName.KMS_MASTER_KEY_ID);
    }

    @Test
    void getQueueAttributes_shouldAnswerTheStoredValues_whenCreatedAndChangedWithThem() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        String url = create("kept-settings", Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600",
                QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "2048", QueueAttributeName.POLICY, policy,
                QueueAttributeName.KMS_MASTER_KEY_ID, "alias/aws/sqs"));
        sqs.client.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(
                QueueAttributeName.KMS_DATA_KEY_REUSE_PERIOD_SECONDS, "600",
                QueueAttributeName.VISIBILITY_TIMEOUT, "45")));

        assertThat(attributes(url))
                .containsEntry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600")
                .containsEntry(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "2048")
                .containsEntry(QueueAttributeName.POLICY, policy)
                .containsEntry(QueueAttributeName.KMS_MASTER_KEY_ID, "alias/aws/sqs")
                .containsEntry(QueueAttributeName.KMS_DATA_KEY_REUSE_PERIOD_SECONDS, "600")
                .containsEntry(QueueAttributeName.SQS_MANAGED_SSE_ENABLED, "false")
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "45");
        assertThat(sqs.client.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.MAXIMUM_MESSAGE_SIZE)).attributes())
                .containsOnlyKeys(QueueAttributeName.MAXIMUM_MESSAGE_SIZE);
    }

    @Test
    void createQueue_shouldRefuseWithSqsError_whenASettingIsOutOfRange() {
        assertThatThrownBy(() -> create("short-retention", Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                "59")))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAttributeValue");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Invalid value for the parameter MessageRetentionPeriod.");
                });
        assertThatThrownBy(() -> create("bad-reuse", Map.of(QueueAttributeName.KMS_DATA_KEY_REUSE_PERIOD_SECONDS,
                "86401"))).isInstanceOf(SqsException.class)
                .hasMessageContaining("Invalid value for the parameter KmsDataKeyReusePeriodSeconds.");
        assertThatThrownBy(() -> create("bad-policy", Map.of(QueueAttributeName.POLICY, "not json")))
                .isInstanceOf(SqsException.class).hasMessageContaining("Invalid value for the parameter Policy.");
        assertThat(sqs.client.listQueues(b -> b.queueNamePrefix("short-retention")).queueUrls()).isEmpty();
    }

    @Test
    void createQueue_shouldSayNotSupported_whenTheMaximumSizeIsAboveTheLocalLimit() {
        assertThatThrownBy(() -> create("mebibyte", Map.of(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1048576")))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("not supported: MaximumMessageSize above 262144 bytes");
    }

    @Test
    void createQueue_shouldAnswerQueueAlreadyExists_whenASettingDiffersFromTheExistingQueue() {
        create("existing-settings", Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "600"));

        assertThat(create("existing-settings", Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "600")))
                .isEqualTo(sqs.queueUrl("existing-settings"));
        assertThatThrownBy(() -> create("existing-settings", Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                "700"))).isInstanceOf(QueueNameExistsException.class)
                .hasMessageContaining("different value for attribute MessageRetentionPeriod");
    }

    @Test
    void sendMessage_shouldRefuse_whenTheMessageIsLargerThanTheQueueMaximum() {
        String url = create("small-messages", Map.of(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1024"));

        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(1024)));
        assertThatThrownBy(() -> sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(1025))))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.");
                });
        assertThatThrownBy(() -> sqs.client.sendMessageBatch(b -> b.queueUrl(url).entries(
                e -> e.id("fits").messageBody("ok"), e -> e.id("big").messageBody("y".repeat(2000)))))
                .isInstanceOf(SqsException.class).hasMessageContaining("batch entry big");
    }

    @Test
    void receiveMessage_shouldNeverDeliverAMessage_onceItOutlivedTheRetentionPeriodOnTheClock() {
        String url = create("short-lived", Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "60"));
        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("stale"));
        sqs.advance(Duration.ofSeconds(61));
        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("fresh"));

        List<Message> first = sqs.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
        sqs.advance(Duration.ofSeconds(31));
        List<Message> again = sqs.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();

        assertThat(first).extracting(Message::body).containsExactly("fresh");
        assertThat(again).extracting(Message::body).containsExactly("fresh");
    }

    @Test
    void setRedrivePolicy_shouldBeRefused_whenTheDeadLetterQueueDoesNotAllowTheSource() {
        String denying = create("denying-dlq", Map.of(QueueAttributeName.REDRIVE_ALLOW_POLICY,
                "{\"redrivePermission\":\"denyAll\"}"));
        String allowedSource = "arn:aws:sqs:ap-northeast-1:000000000000:allowed-source";
        create("by-queue-dlq", Map.of(QueueAttributeName.REDRIVE_ALLOW_POLICY,
                "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"" + allowedSource + "\"]}"));
        String source = create("refused-source", Map.of());

        assertThatThrownBy(() -> sqs.client.setQueueAttributes(b -> b.queueUrl(source).attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, redrive("denying-dlq")))))
                .isInstanceOf(SqsException.class).hasMessageContaining("does not allow");
        assertThatThrownBy(() -> create("other-source", Map.of(QueueAttributeName.REDRIVE_POLICY,
                redrive("by-queue-dlq")))).isInstanceOf(SqsException.class).hasMessageContaining("does not allow");
        String allowed = create("allowed-source", Map.of(QueueAttributeName.REDRIVE_POLICY, redrive("by-queue-dlq")));
        assertThat(attributes(allowed)).containsKey(QueueAttributeName.REDRIVE_POLICY);
        assertThat(attributes(denying)).containsEntry(QueueAttributeName.REDRIVE_ALLOW_POLICY,
                "{\"redrivePermission\":\"denyAll\"}");
        assertThatThrownBy(() -> create("bad-allow", Map.of(QueueAttributeName.REDRIVE_ALLOW_POLICY,
                "{\"redrivePermission\":\"byQueue\"}"))).isInstanceOf(SqsException.class)
                .hasMessageContaining("sourceQueueArns must list 1 to 10");
    }

    @Test
    void restart_shouldKeepTheSettings_whenTheDataDirectoryIsReopened(@TempDir Path dataDirectory) {
        try (LocalSqs first = new LocalSqs(dataDirectory)) {
            first.client.createQueue(b -> b.queueName("durable-settings").attributes(Map.of(
                    QueueAttributeName.MESSAGE_RETENTION_PERIOD, "86400")));
        }
        try (LocalSqs second = new LocalSqs(dataDirectory)) {
            assertThat(second.client.getQueueAttributes(b -> b.queueUrl(second.queueUrl("durable-settings"))
                    .attributeNames(QueueAttributeName.MESSAGE_RETENTION_PERIOD)).attributes())
                    .containsEntry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "86400");
        }
    }

    private static String redrive(String deadLetterQueue) {
        return "{\"deadLetterTargetArn\":\"arn:aws:sqs:ap-northeast-1:000000000000:" + deadLetterQueue
                + "\",\"maxReceiveCount\":3}";
    }
}
