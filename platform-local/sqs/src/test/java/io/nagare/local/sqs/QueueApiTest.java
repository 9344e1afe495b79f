package io.nagare.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

class QueueApiTest {

    private static LocalSqs sqs;

    @BeforeAll
    static void start() {
        sqs = new LocalSqs();
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    @Test
    void createQueue_shouldAnswerTheLocalQueueUrlAndArn_whenCalledThroughTheSdk() {
        String url = sqs.createQueue("orders-created");

        assertThat(url).isEqualTo(sqs.queueUrl("orders-created"));
        assertThat(sqs.client.getQueueUrl(b -> b.queueName("orders-created")).queueUrl()).isEqualTo(url);
        assertThat(sqs.client.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()).containsEntry(QueueAttributeName.QUEUE_ARN,
                "arn:aws:sqs:ap-northeast-1:000000000000:orders-created");
        assertThat(sqs.client.listQueues(b -> b.queueNamePrefix("orders-cr")).queueUrls()).containsExactly(url);
    }

    @Test
    void sendReceiveDelete_shouldRoundTripBodyAndAttributes_whenAMessageIsConsumed() {
        String url = sqs.createQueue("round-trip");

        String id = sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("{\"orderId\":\"o-1\"}")
                .messageAttributes(Map.of("tenant", MessageAttributeValue.builder().dataType("String")
                        .stringValue("acme").build()))).messageId();
        List<Message> received = sqs.client.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("All"))
                .messages();

        assertThat(received).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(id);
            assertThat(message.body()).isEqualTo("{\"orderId\":\"o-1\"}");
            assertThat(message.messageAttributes().get("tenant").stringValue()).isEqualTo("acme");
        });
        sqs.client.deleteMessage(b -> b.queueUrl(url).receiptHandle(received.get(0).receiptHandle()));
        sqs.advance(Duration.ofMinutes(1));
        assertThat(sqs.client.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
    }

    @Test
    void receiveMessage_shouldHideAMessageUntilTheInjectedClockPassesItsVisibilityTimeout_whenNotDeleted() {
        String url = sqs.client.createQueue(b -> b.queueName("visibility")
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"))).queueUrl();
        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("reserve stock"));

        assertThat(sqs.client.receiveMessage(b -> b.queueUrl(url)).messages()).hasSize(1);
        sqs.advance(Duration.ofSeconds(50));
        assertThat(sqs.client.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        sqs.advance(Duration.ofSeconds(11));
        List<Message> again = sqs.client.receiveMessage(b -> b.queueUrl(url)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();

        assertThat(again).singleElement().satisfies(message -> assertThat(message.attributes())
                .containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2"));
    }

    @Test
    void changeMessageVisibility_shouldExtendTheTimeoutOnTheInjectedClock_whenAConsumerNeedsLonger() {
        String url = sqs.createQueue("extend-visibility");
        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("slow step"));
        Message message = sqs.client.receiveMessage(b -> b.queueUrl(url)).messages().get(0);

        sqs.client.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(message.receiptHandle())
                .visibilityTimeout(300));
        sqs.advance(Duration.ofSeconds(290));
        assertThat(sqs.client.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        sqs.advance(Duration.ofSeconds(11));

        assertThat(sqs.client.receiveMessage(b -> b.queueUrl(url)).messages()).hasSize(1);
    }

    @Test
    void sendMessage_shouldDelayDeliveryOnTheInjectedClock_whenDelaySecondsIsSet() {
        String url = sqs.createQueue("delayed");

        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("later").delaySeconds(60));
        assertThat(sqs.client.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        sqs.advance(Duration.ofSeconds(61));

        assertThat(sqs.client.receiveMessage(b -> b.queueUrl(url)).messages()).extracting(Message::body)
                .containsExactly("later");
    }

    @Test
    void getQueueUrl_shouldThrowQueueDoesNotExistWithSqsQueryCode_whenTheQueueIsMissing() {
        assertThatThrownBy(() -> sqs.client.getQueueUrl(b -> b.queueName("no-such-queue")))
                .isInstanceOfSatisfying(QueueDoesNotExistException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified queue does not exist.");
                });
    }

    @Test
    void deleteQueue_shouldRemoveTheQueue_whenDeleted() {
        String url = sqs.createQueue("short-lived");

        sqs.client.deleteQueue(b -> b.queueUrl(url));

        assertThatThrownBy(() -> sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("x")))
                .isInstanceOf(QueueDoesNotExistException.class);
    }
}
