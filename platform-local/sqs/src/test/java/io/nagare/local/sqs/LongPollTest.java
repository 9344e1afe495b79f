package io.nagare.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Long polls and FIFO deduplication windows on the runtime's clock, not on wall time. */
class LongPollTest {

    private LocalSqs sqs;

    @BeforeEach
    void start() {
        sqs = new LocalSqs();
    }

    @AfterEach
    void stop() {
        sqs.close();
    }

    @Test
    void receiveMessage_shouldAnswerAMessageSentDuringTheWait_whenLongPolling() throws Exception {
        String url = sqs.createQueue("long-poll");
        CompletableFuture<List<Message>> receive = CompletableFuture.supplyAsync(() ->
                sqs.client.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)).messages());
        awaitWaitingReceive();

        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("late"));

        assertThat(receive.get(10, TimeUnit.SECONDS)).extracting(Message::body).containsExactly("late");
    }

    @Test
    void receiveMessage_shouldAnswerEmpty_onlyOnceTheClockPassesTheQueueWaitTime() throws Exception {
        String url = sqs.client.createQueue(b -> b.queueName("queue-wait").attributes(Map.of(
                QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "20"))).queueUrl();
        CompletableFuture<List<Message>> receive = CompletableFuture.supplyAsync(() ->
                sqs.client.receiveMessage(b -> b.queueUrl(url)).messages());
        awaitWaitingReceive();

        sqs.advance(Duration.ofSeconds(19));
        boolean doneEarly = receive.isDone();
        sqs.advance(Duration.ofSeconds(1));

        assertThat(doneEarly).isFalse();
        assertThat(receive.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void receiveMessage_shouldAnswerAMessageWhoseVisibilityTimeoutEndsDuringTheWait() throws Exception {
        String url = sqs.createQueue("visible-again");
        sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("retry-me"));
        sqs.client.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(5));
        CompletableFuture<List<Message>> receive = CompletableFuture.supplyAsync(() ->
                sqs.client.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)).messages());
        awaitWaitingReceive();

        sqs.advance(Duration.ofSeconds(6));

        assertThat(receive.get(10, TimeUnit.SECONDS)).extracting(Message::body).containsExactly("retry-me");
    }

    @Test
    void sendMessage_shouldDeduplicateWithinFiveMinutesOnTheClock_andAcceptTheSameIdAfterwards() {
        String url = sqs.client.createQueue(b -> b.queueName("dedup-window.fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        String first = send(url);
        sqs.advance(Duration.ofMinutes(4));
        String duplicate = send(url);
        sqs.advance(Duration.ofMinutes(1).plusSeconds(1));
        String afterWindow = send(url);

        assertThat(duplicate).isEqualTo(first);
        assertThat(afterWindow).isNotEqualTo(first);
    }

    private String send(String url) {
        return sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("pay").messageGroupId("g")
                .messageDeduplicationId("order-1")).messageId();
    }

    /** A long poll with nothing to answer schedules its next look on the clock; waits for that, not for time. */
    private void awaitWaitingReceive() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sqs.clock.pending() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the receive never started waiting");
            }
            Thread.onSpinWait();
            Thread.sleep(1);
        }
    }
}
