package io.nagare.local.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.actor.Status;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.actor.queue.InternalMessage;
import org.elasticmq.msg.CreateQueue;
import org.elasticmq.msg.RestoreMessages;

import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;
import scala.util.Right;

/**
 * Stands in for ElasticMQ's queue manager while its SQL persistence restores queues, so FIFO queues come back in
 * send order. elasticmq-persistence-sql 1.7.1 restores every message as a standard one ({@code isFifo = false},
 * {@code orderIndex = 0}, creation time cut to milliseconds): a restored FIFO group would then be ordered by next
 * delivery time, so messages sent in one millisecond come back in any order and a group whose first message is in
 * flight no longer holds the rest back. This actor creates each queue through the real manager and, for a FIFO queue,
 * hands the persistence a forwarder that restores the messages as FIFO ones, ordered by creation time and then by
 * the sequence number SQS gave them.
 */
final class FifoRestore extends AbstractActor {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ActorRef queues;
    private final ActorSystem system;

    private FifoRestore(ActorRef queues) {
        this.queues = queues;
        this.system = getContext().getSystem();
    }

    static Props props(ActorRef queues) {
        return Props.create(FifoRestore.class, () -> new FifoRestore(queues));
    }

    @Override
    public Receive createReceive() {
        return receiveBuilder().match(CreateQueue.class, this::create).build();
    }

    private void create(CreateQueue create) {
        ActorRef replyTo = getSender();
        boolean fifo = create.request().isFifo();
        Patterns.ask(queues, create, TIMEOUT).whenComplete((created, failure) -> {
            if (failure != null) {
                replyTo.tell(new Status.Failure(failure), ActorRef.noSender());
            } else if (fifo && created instanceof Either<?, ?> either && either.isRight()) {
                ActorRef queue = (ActorRef) either.toOption().get();
                replyTo.tell(Right.apply(system.actorOf(Props.create(MessageRestore.class,
                        () -> new MessageRestore(queue)))), ActorRef.noSender());
            } else {
                replyTo.tell(created, ActorRef.noSender());
            }
        });
    }

    /** Restores one FIFO queue's messages into its queue actor, then stops. */
    private static final class MessageRestore extends AbstractActor {

        private final ActorRef queue;

        MessageRestore(ActorRef queue) {
            this.queue = queue;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().match(RestoreMessages.class, restore -> {
                queue.forward(new RestoreMessages(inSendOrder(restore.messages())), getContext());
                getContext().stop(getSelf());
            }).build();
        }
    }

    static scala.collection.immutable.List<InternalMessage> inSendOrder(
            scala.collection.immutable.List<InternalMessage> restored) {
        List<InternalMessage> messages = new ArrayList<>(CollectionConverters.asJava(restored));
        messages.sort(Comparator.comparing(InternalMessage::created)
                .thenComparingLong(FifoRestore::sequence));
        List<InternalMessage> fifo = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            InternalMessage m = messages.get(i);
            fifo.add(new InternalMessage(m.id(), m.deliveryReceipts(), m.nextDelivery(), m.content(),
                    m.messageAttributes(), m.created(), i, m.firstReceive(), m.receiveCount(), true,
                    m.messageGroupId(), m.messageDeduplicationId(), m.tracingId(), m.sequenceNumber(),
                    m.deadLetterSourceQueueName()));
        }
        return CollectionConverters.asScala(fifo).toList();
    }

    private static long sequence(InternalMessage message) {
        return message.sequenceNumber().isDefined() ? Long.parseLong(message.sequenceNumber().get()) : 0L;
    }
}
