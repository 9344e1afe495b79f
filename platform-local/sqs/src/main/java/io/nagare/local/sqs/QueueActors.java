package io.nagare.local.sqs;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.DeliveryReceipt;
import org.elasticmq.MessageData;
import org.elasticmq.MessageId;
import org.elasticmq.QueueData;
import org.elasticmq.msg.DeduplicationIdsCleanup$;
import org.elasticmq.msg.DeleteMessage;
import org.elasticmq.msg.GetQueueData;
import org.elasticmq.msg.LookupMessage;
import org.elasticmq.msg.LookupQueue;

import scala.Option;

/** In-process questions to ElasticMQ's queue actors, for what its REST API does not answer. */
final class QueueActors {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ActorRef queues;

    QueueActors(ActorRef queues) {
        this.queues = queues;
    }

    Optional<ActorRef> lookup(String queue) {
        Option<?> found = (Option<?>) ask(queues, new LookupQueue(queue));
        return found.isEmpty() ? Optional.empty() : Optional.of((ActorRef) found.get());
    }

    Optional<QueueData> data(String queue) {
        return lookup(queue).map(actor -> (QueueData) ask(actor, new GetQueueData()));
    }

    /** When a message was sent, in milliseconds of wall time (ElasticMQ stamps it so); empty once it is gone. */
    Optional<Long> sentMillis(ActorRef queue, String messageId) {
        Option<?> found = (Option<?>) ask(queue, new LookupMessage(new MessageId(messageId)));
        return found.isEmpty() ? Optional.empty()
                : Optional.of(((MessageData) found.get()).created().toInstant().toEpochMilli());
    }

    void delete(ActorRef queue, String receiptHandle) {
        ask(queue, new DeleteMessage(new DeliveryReceipt(receiptHandle)));
    }

    /**
     * Has the queue forget FIFO deduplication ids older than five minutes on the injected clock now, instead of at
     * its next one-second sweep on wall time; queued ahead of anything sent to the actor after it.
     */
    void forgetExpiredDeduplicationIds(ActorRef queue) {
        queue.tell(DeduplicationIdsCleanup$.MODULE$, ActorRef.noSender());
    }

    private static Object ask(ActorRef actor, Object message) {
        try {
            return Patterns.ask(actor, message, TIMEOUT).toCompletableFuture()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking ElasticMQ", e);
        } catch (Exception e) {
            throw new IllegalStateException("no answer from ElasticMQ: " + e, e);
        }
    }
}
