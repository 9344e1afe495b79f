package io.nagare.local.sqs;

import java.util.ArrayList;
import java.util.List;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;
import org.elasticmq.actor.queue.OperationSuccessful$;
import org.elasticmq.actor.queue.QueueEvent;

/**
 * ElasticMQ's queue event listener: writes every queue and message change to {@link StoredQueues} and acknowledges
 * message changes only once they are committed. ElasticMQ answers a send only after that acknowledgement, so an
 * answered send is on disk (the OS keeps the written pages across kill -9).
 *
 * <p>Commits are grouped: the first change after a commit queues a flush behind itself in the mailbox, so every
 * change that arrives meanwhile shares one commit. ElasticMQ's own SQL persistence commits each change alone.
 */
final class QueueJournal extends AbstractActor {

    private static final Object FLUSH = "flush";

    private final StoredQueues stored;
    private final List<ActorRef> awaitingCommit = new ArrayList<>();
    private boolean flushQueued;

    /**
     * A queue was purged: ElasticMQ purges without a queue event, so the journal forgets the queue's messages
     * journalled up to {@code lastSequence} (read before the purge began).
     */
    record Purged(String queueName, long lastSequence) {
    }

    private QueueJournal(StoredQueues stored) {
        this.stored = stored;
    }

    static Props props(StoredQueues stored) {
        return Props.create(QueueJournal.class, () -> new QueueJournal(stored));
    }

    @Override
    public Receive createReceive() {
        return receiveBuilder()
                .match(QueueEvent.QueueCreated.class, event -> changed(() -> stored.putQueue(event.queue())))
                .match(QueueEvent.QueueMetadataUpdated.class, event -> changed(() -> stored.putQueue(event.queue())))
                .match(QueueEvent.QueueDeleted.class, event -> changed(() -> stored.removeQueue(event.queueName())))
                .match(QueueEvent.MessageAdded.class, event -> acknowledged(() ->
                        stored.putMessage(event.queueName(), event.message())))
                .match(QueueEvent.MessageUpdated.class, event -> acknowledged(() ->
                        stored.putMessage(event.queueName(), event.message())))
                .match(QueueEvent.MessageRemoved.class, event -> acknowledged(() ->
                        stored.removeMessage(event.queueName(), event.messageId())))
                .match(Purged.class, purged -> changed(() -> stored.removeMessagesUpTo(purged.queueName(),
                        purged.lastSequence())))
                .matchEquals(FLUSH, flush -> flush())
                .build();
    }

    /** Commits what is left when the actor stops before its queued flush (the actor system terminating). */
    @Override
    public void postStop() {
        flush();
    }

    private void acknowledged(Runnable change) {
        awaitingCommit.add(getSender());
        changed(change);
    }

    private void changed(Runnable change) {
        change.run();
        if (!flushQueued) {
            flushQueued = true;
            getSelf().tell(FLUSH, getSelf());
        }
    }

    private void flush() {
        flushQueued = false;
        stored.commit();
        awaitingCommit.forEach(sender -> sender.tell(OperationSuccessful$.MODULE$, getSelf()));
        awaitingCommit.clear();
    }
}
