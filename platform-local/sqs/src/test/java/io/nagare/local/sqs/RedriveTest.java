package io.nagare.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class RedriveTest {

    private static LocalSqs sqs;

    @BeforeAll
    static void start() {
        sqs = new LocalSqs();
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    private static String arn(String name) {
        return "arn:aws:sqs:ap-northeast-1:000000000000:" + name;
    }

    private static String queueWithDlq(String name, String dlq, int maxReceiveCount) {
        sqs.createQueue(dlq);
        return sqs.client.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "30",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + arn(dlq)
                        + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}"))).queueUrl();
    }

    @Test
    void receiveMessage_shouldMoveAPoisonMessageToTheDlq_whenItWasReceivedMaxReceiveCountTimes() {
        String url = queueWithDlq("reserve-stock", "reserve-stock-dlq", 2);
        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("poison"));
        for (int receive = 1; receive <= 2; receive++) {
            assertThat(sqs.client.receiveMessage(b -> b.queueUrl(url)).messages()).hasSize(1);
            sqs.advance(Duration.ofSeconds(31));
        }

        assertThat(sqs.client.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        List<Message> dead = sqs.client.receiveMessage(b -> b.queueUrl(sqs.queueUrl("reserve-stock-dlq")))
                .messages();

        assertThat(dead).extracting(Message::body).containsExactly("poison");
        assertThat(sqs.client.listDeadLetterSourceQueues(b -> b.queueUrl(sqs.queueUrl("reserve-stock-dlq")))
                .queueUrls()).containsExactly(url);
    }

    @Test
    void getQueueAttributes_shouldAnswerTheRedrivePolicy_whenTheQueueHasADlq() {
        String url = queueWithDlq("with-policy", "with-policy-dlq", 5);

        String policy = sqs.client.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY);

        assertThat(policy).contains(arn("with-policy-dlq")).contains("5");
    }

    @Test
    void startMessageMoveTask_shouldRedriveDeadMessagesBackToTheirSourceQueue_whenNoDestinationIsGiven() {
        String url = queueWithDlq("capture-payment", "capture-payment-dlq", 1);
        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("m1"));
        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("m2"));
        sqs.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10));
        sqs.advance(Duration.ofSeconds(31));
        assertThat(sqs.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()).isEmpty();

        String handle = sqs.client.startMessageMoveTask(b -> b.sourceArn(arn("capture-payment-dlq"))).taskHandle();
        List<String> redriven = receive(url, 2);

        assertThat(handle).isNotBlank();
        assertThat(redriven).containsExactlyInAnyOrder("m1", "m2");
        assertThat(sqs.client.listMessageMoveTasks(b -> b.sourceArn(arn("capture-payment-dlq"))).results())
                .singleElement().satisfies(task -> assertThat(task.approximateNumberOfMessagesMoved()).isEqualTo(2));
    }

    /** Long-polls until {@code count} messages arrived: a move task sends them one by one from ElasticMQ's actors. */
    private static List<String> receive(String url, int count) {
        List<String> bodies = new ArrayList<>();
        for (int attempt = 0; attempt < 10 && bodies.size() < count; attempt++) {
            sqs.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(5)).messages()
                    .forEach(message -> bodies.add(message.body()));
        }
        return bodies;
    }
}
