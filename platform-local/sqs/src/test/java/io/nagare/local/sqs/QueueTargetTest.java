package io.nagare.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.nagare.local.runtime.targets.EventTargetException;
import io.nagare.local.runtime.targets.EventTargetRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class QueueTargetTest {

    private static final String RULE = "arn:aws:events:ap-northeast-1:000000000000:rule/orders/to-queue";

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

    @Test
    void invoke_shouldSendTheInputAsBodyWithStringAttributes_whenTheQueueExists() {
        String url = sqs.createQueue("order-events");

        sqs.invoker().invoke(new EventTargetRequest(arn("order-events"), "{\"detail-type\":\"OrderPlaced\"}", RULE,
                Map.of("RULE_ARN", RULE, "ERROR_CODE", "ERROR_FROM_TARGET"), null));
        List<Message> messages = sqs.client.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("All"))
                .messages();

        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("{\"detail-type\":\"OrderPlaced\"}");
            assertThat(message.messageAttributes()).hasSize(2);
            assertThat(message.messageAttributes().get("RULE_ARN").dataType()).isEqualTo("String");
            assertThat(message.messageAttributes().get("RULE_ARN").stringValue()).isEqualTo(RULE);
            assertThat(message.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("ERROR_FROM_TARGET");
        });
    }

    @Test
    void invoke_shouldSendToTheMessageGroupInOrder_whenTheTargetIsAFifoQueue() {
        String url = sqs.client.createQueue(b -> b.queueName("order-events.fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")))
                .queueUrl();

        sqs.invoker().invoke(new EventTargetRequest(arn("order-events.fifo"), "placed", RULE, Map.of(), "order-1"));
        sqs.invoker().invoke(new EventTargetRequest(arn("order-events.fifo"), "paid", RULE, Map.of(), "order-1"));
        List<Message> messages = sqs.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                .messageSystemAttributeNamesWithStrings("MessageGroupId")).messages();

        assertThat(messages).extracting(Message::body).containsExactly("placed", "paid");
        assertThat(messages).allSatisfy(message -> assertThat(message.attributesAsStrings())
                .containsEntry("MessageGroupId", "order-1"));
    }

    @Test
    void invoke_shouldFailWithNoResourceAndNoRetry_whenTheQueueDoesNotExist() {
        assertThatThrownBy(() -> sqs.invoker().invoke(new EventTargetRequest(arn("missing"), "x", RULE, Map.of(),
                null)))
                .isInstanceOfSatisfying(EventTargetException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("NO_RESOURCE");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("QueueDoesNotExist: The specified queue does not exist.");
                });
    }

    @Test
    void invoke_shouldFailWithNoResource_whenTheQueueIsInAnotherAccount() {
        sqs.createQueue("elsewhere");

        assertThatThrownBy(() -> sqs.invoker().invoke(new EventTargetRequest(
                "arn:aws:sqs:ap-northeast-1:111122223333:elsewhere", "x", RULE, Map.of(), null)))
                .isInstanceOfSatisfying(EventTargetException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("NO_RESOURCE");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("account 000000000000");
                });
    }

    @Test
    void invoke_shouldFailWithInvalidParameterAndNoRetry_whenAFifoQueueLacksContentBasedDeduplication() {
        sqs.client.createQueue(b -> b.queueName("strict.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE,
                "true")));

        assertThatThrownBy(() -> sqs.invoker().invoke(new EventTargetRequest(arn("strict.fifo"), "x", RULE,
                Map.of(), "g")))
                .isInstanceOfSatisfying(EventTargetException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("INVALID_PARAMETER");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).startsWith("InvalidParameterValue: ");
                });
    }
}
