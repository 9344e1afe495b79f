package io.nagare.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

class FifoQueueTest {

    private static LocalSqs sqs;

    @BeforeAll
    static void start() {
        sqs = new LocalSqs();
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    private static String fifo(String name, boolean contentBasedDeduplication) {
        return sqs.client.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, String.valueOf(contentBasedDeduplication))))
                .queueUrl();
    }

    @Test
    void receiveMessage_shouldDeliverAGroupInSendOrder_whenMessagesAreConsumedOneByOne() {
        String url = fifo("order-steps.fifo", true);
        for (int i = 1; i <= 5; i++) {
            String body = "step-" + i;
            sqs.client.sendMessage(b -> b.queueUrl(url).messageBody(body).messageGroupId("order-1"));
        }

        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Message message = sqs.client.receiveMessage(b -> b.queueUrl(url)).messages().get(0);
            bodies.add(message.body());
            sqs.client.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
        }

        assertThat(bodies).containsExactly("step-1", "step-2", "step-3", "step-4", "step-5");
    }

    @Test
    void receiveMessage_shouldHoldBackTheRestOfAGroup_whileItsFirstMessageIsInFlight() {
        String url = fifo("held-back.fifo", true);
        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("a1").messageGroupId("a"));
        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("a2").messageGroupId("a"));
        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("b1").messageGroupId("b"));

        List<String> first = bodies(sqs.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1))
                .messages());
        List<String> second = bodies(sqs.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10))
                .messages());

        assertThat(first).containsExactly("a1");
        assertThat(second).containsExactly("b1");
    }

    @Test
    void sendMessage_shouldDropADuplicate_whenTheDeduplicationIdRepeatsWithinFiveMinutes() {
        String url = fifo("payments.fifo", false);
        String first = sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("charge 100")
                .messageGroupId("order-7").messageDeduplicationId("charge-order-7")).messageId();

        String second = sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("charge 100 again")
                .messageGroupId("order-7").messageDeduplicationId("charge-order-7")).messageId();

        assertThat(second).isEqualTo(first);
        assertThat(bodies(sqs.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()))
                .containsExactly("charge 100");
    }

    @Test
    void sendMessage_shouldDeduplicateByBody_whenContentBasedDeduplicationIsOn() {
        String url = fifo("content-dedup.fifo", true);

        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("same").messageGroupId("g"));
        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("same").messageGroupId("g"));

        assertThat(sqs.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()).hasSize(1);
    }

    @Test
    void sendMessage_shouldFailWithMissingParameter_whenAFifoMessageHasNoGroup() {
        String url = fifo("no-group.fifo", true);

        assertThatThrownBy(() -> sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("x")))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("MessageGroupId");
                });
    }

    private static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::body).toList();
    }
}
