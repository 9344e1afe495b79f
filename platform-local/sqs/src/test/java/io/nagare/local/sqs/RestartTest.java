package io.nagare.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nagare.local.runtime.ManualClock;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

class RestartTest {

    private static final String DLQ_ARN = "arn:aws:sqs:ap-northeast-1:000000000000:shipments-dlq";

    @TempDir
    Path dataDirectory;

    @Test
    void restart_shouldKeepQueuesTheirAttributesAndUnconsumedMessages_whenTheDataDirectoryIsReopened() {
        try (LocalSqs before = new LocalSqs(dataDirectory)) {
            before.createQueue("shipments-dlq");
            String url = before.client.createQueue(b -> b.queueName("shipments").attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, "45",
                    QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"" + DLQ_ARN + "\",\"maxReceiveCount\":\"3\"}"))).queueUrl();
            before.client.sendMessage(b -> b.queueUrl(url).messageBody("ship o-1"));
            before.client.sendMessage(b -> b.queueUrl(url).messageBody("ship o-2"));
            Message consumed = before.client.receiveMessage(b -> b.queueUrl(url)).messages().get(0);
            before.client.deleteMessage(b -> b.queueUrl(url).receiptHandle(consumed.receiptHandle()));
        }

        try (LocalSqs after = new LocalSqs(dataDirectory)) {
            String url = after.client.getQueueUrl(b -> b.queueName("shipments")).queueUrl();
            Map<QueueAttributeName, String> attributes = after.client.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.ALL)).attributes();

            assertThat(after.client.listQueues().queueUrls())
                    .containsExactlyInAnyOrder(url, after.queueUrl("shipments-dlq"));
            assertThat(attributes).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "45");
            assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY)).contains(DLQ_ARN);
            assertThat(after.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages())
                    .extracting(Message::body).containsExactly("ship o-2");
        }
    }

    @Test
    void restart_shouldKeepReceiveCountsAndVisibilityDeadlines_whenRestartedWithTheSameClock() {
        ManualClock clock = new ManualClock(LocalSqs.START);
        try (LocalSqs before = new LocalSqs(dataDirectory, clock)) {
            before.createQueue("shipments-dlq");
            String url = before.client.createQueue(b -> b.queueName("shipments").attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, "300",
                    QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"" + DLQ_ARN + "\",\"maxReceiveCount\":\"2\"}"))).queueUrl();
            before.client.sendMessage(b -> b.queueUrl(url).messageBody("poison"));
            before.client.receiveMessage(b -> b.queueUrl(url));
            before.advance(Duration.ofSeconds(301));
            before.client.receiveMessage(b -> b.queueUrl(url));
        }

        try (LocalSqs after = new LocalSqs(dataDirectory, clock)) {
            String url = after.queueUrl("shipments");
            after.advance(Duration.ofSeconds(290));
            assertThat(after.client.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
            after.advance(Duration.ofSeconds(11));

            assertThat(after.client.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
            assertThat(after.client.receiveMessage(b -> b.queueUrl(after.queueUrl("shipments-dlq"))).messages())
                    .extracting(Message::body).containsExactly("poison");
        }
    }

    @Test
    void restart_shouldNotBringBackAMessageDeletedFromTheDlq_whenTheDataDirectoryIsReopened() {
        try (LocalSqs before = new LocalSqs(dataDirectory)) {
            String dlq = before.createQueue("shipments-dlq");
            String url = before.client.createQueue(b -> b.queueName("shipments").attributes(Map.of(
                    QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"" + DLQ_ARN + "\",\"maxReceiveCount\":\"1\"}"))).queueUrl();
            before.client.sendMessage(b -> b.queueUrl(url).messageBody("poison"));
            before.client.receiveMessage(b -> b.queueUrl(url));
            before.advance(Duration.ofSeconds(31));
            before.client.receiveMessage(b -> b.queueUrl(url));
            Message dead = before.client.receiveMessage(b -> b.queueUrl(dlq)).messages().get(0);
            before.client.deleteMessage(b -> b.queueUrl(dlq).receiptHandle(dead.receiptHandle()));
        }

        try (LocalSqs after = new LocalSqs(dataDirectory)) {
            after.advance(Duration.ofMinutes(5));

            assertThat(after.client.receiveMessage(b -> b.queueUrl(after.queueUrl("shipments-dlq"))).messages())
                    .isEmpty();
            assertThat(after.client.receiveMessage(b -> b.queueUrl(after.queueUrl("shipments"))).messages())
                    .isEmpty();
        }
    }

    @Test
    void restart_shouldNotBringBackPurgedMessages_butKeepThoseSentAfterThePurge() {
        try (LocalSqs before = new LocalSqs(dataDirectory)) {
            String url = before.createQueue("purged");
            before.client.sendMessage(b -> b.queueUrl(url).messageBody("stale 1"));
            before.client.sendMessage(b -> b.queueUrl(url).messageBody("stale 2"));
            before.client.purgeQueue(b -> b.queueUrl(url));
            before.client.sendMessage(b -> b.queueUrl(url).messageBody("fresh"));
        }

        try (LocalSqs after = new LocalSqs(dataDirectory)) {
            assertThat(after.client.receiveMessage(b -> b.queueUrl(after.queueUrl("purged")).maxNumberOfMessages(10))
                    .messages()).extracting(Message::body).containsExactly("fresh");
        }
    }

    @Test
    void restart_shouldKeepAFifoQueueInOrderAndDeduplicating_whenTheDataDirectoryIsReopened() {
        try (LocalSqs before = new LocalSqs(dataDirectory)) {
            String url = before.client.createQueue(b -> b.queueName("ledger.fifo").attributes(Map.of(
                    QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
            // One batch: the entries are stored within the same millisecond, so only their sequence orders them.
            before.client.sendMessageBatch(b -> b.queueUrl(url).entries(IntStream.rangeClosed(1, 10)
                    .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("entry-" + i)
                            .messageGroupId("account-1").messageDeduplicationId("entry-" + i).build())
                    .toList()));
        }

        try (LocalSqs after = new LocalSqs(dataDirectory)) {
            String url = after.queueUrl("ledger.fifo");
            after.client.sendMessage(b -> b.queueUrl(url).messageBody("entry-3 again").messageGroupId("account-1")
                    .messageDeduplicationId("entry-3"));
            after.client.sendMessage(b -> b.queueUrl(url).messageBody("entry-11").messageGroupId("account-1")
                    .messageDeduplicationId("entry-11"));
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                after.client.receiveMessage(b -> b.queueUrl(url)).messages().forEach(message -> {
                    bodies.add(message.body());
                    after.client.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
                });
            }

            assertThat(bodies).containsExactly(IntStream.rangeClosed(1, 11).mapToObj(i -> "entry-" + i)
                    .toArray(String[]::new));
        }
    }

    @Test
    void restart_shouldHoldBackAFifoGroup_whileItsRestoredFirstMessageIsInFlight() {
        ManualClock clock = new ManualClock(LocalSqs.START);
        try (LocalSqs before = new LocalSqs(dataDirectory, clock)) {
            String url = before.client.createQueue(b -> b.queueName("steps.fifo").attributes(Map.of(
                    QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true",
                    QueueAttributeName.VISIBILITY_TIMEOUT, "300"))).queueUrl();
            before.client.sendMessage(b -> b.queueUrl(url).messageBody("first").messageGroupId("order-1"));
            before.client.sendMessage(b -> b.queueUrl(url).messageBody("second").messageGroupId("order-1"));
            assertThat(before.client.receiveMessage(b -> b.queueUrl(url)).messages()).extracting(Message::body)
                    .containsExactly("first");
        }

        try (LocalSqs after = new LocalSqs(dataDirectory, clock)) {
            String url = after.queueUrl("steps.fifo");
            assertThat(after.client.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
            after.advance(Duration.ofSeconds(301));

            assertThat(after.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages())
                    .extracting(Message::body).containsExactly("first", "second");
        }
    }
}
