package io.nagare.local.sqs;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.msg.CreateQueue;
import org.elasticmq.msg.RestoreMessages;
import org.elasticmq.persistence.CreateQueueMetadata;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.h2.mvstore.MVStore;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import io.nagare.local.runtime.LocalClock;
import scala.Option;
import scala.util.Either;

/**
 * ElasticMQ in this JVM: its queue actors on {@link ElasticMqClock}, journalled to {@link StoredQueues} when the
 * runtime has a data directory, and its SQS REST server on a loopback port that only {@link SqsService} talks to.
 *
 * <p>The server's node address is the wildcard host, so ElasticMQ builds queue URLs from each request's
 * {@code Host} header; the forwarded requests keep the client's, so a client of {@code http://localhost:4566} sees
 * {@code http://localhost:4566/000000000000/<queue>}. Region and account come from the runtime, so queue ARNs are
 * {@code arn:aws:sqs:ap-northeast-1:000000000000:<queue>} without rewriting any body.
 */
final class EmbeddedElasticMq implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ActorSystem system;
    private final StoredQueues stored;
    private final ActorRef journal;
    private final ActorRef queues;
    private final SQSRestServer server;
    private final ElasticMqClock clock;
    private final int port;

    private EmbeddedElasticMq(ActorSystem system, StoredQueues stored, ActorRef journal, ActorRef queues,
                              SQSRestServer server, ElasticMqClock clock) {
        this.system = system;
        this.clock = clock;
        this.stored = stored;
        this.journal = journal;
        this.queues = queues;
        this.server = server;
        this.port = server.waitUntilStarted().localAddress().getPort();
    }

    /** Starts ElasticMQ, restoring the queues and messages kept in {@code store} if there is one. */
    static EmbeddedElasticMq start(LocalClock localClock, String region, String accountId, Optional<MVStore> store) {
        ActorSystem system = ActorSystem.create("nagare-sqs", config(), EmbeddedElasticMq.class.getClassLoader());
        try {
            Optional<StoredQueues> stored = store.map(StoredQueues::new);
            ElasticMqClock clock = new ElasticMqClock(localClock,
                    stored.map(s -> s.clockOrigin(localClock.now())).orElseGet(localClock::now));
            ActorRef journal = stored.map(s -> system.actorOf(QueueJournal.props(s))).orElse(null);
            Option<ActorRef> listener = Option.apply(journal);
            ActorRef queues = system.actorOf(Props.create(QueueManagerActor.class,
                    () -> new QueueManagerActor(clock, StrictSQSLimits$.MODULE$, listener)));
            stored.ifPresent(s -> restore(s, queues));
            TheSQSRestServerBuilder builder = SQSRestServerBuilder.withActorSystem(system)
                    .withQueueManagerActor(queues)
                    .withInterface("127.0.0.1")
                    .withDynamicPort()
                    .withServerAddress(new NodeAddress("http", "*", 0, ""))
                    .withAWSRegion(region)
                    .withAWSAccountId(accountId);
            return new EmbeddedElasticMq(system, stored.orElse(null), journal, queues, builder.start(), clock);
        } catch (RuntimeException e) {
            terminate(system);
            throw e;
        }
    }

    /** The time ElasticMQ's queue actors read. */
    ElasticMqClock clock() {
        return clock;
    }

    /** ElasticMQ's queue manager actor, for in-process sends. */
    ActorRef queues() {
        return queues;
    }

    /** Where the journal stands before a purge: what {@link #purged} forgets. 0 without a journal. */
    long purgeMark() {
        return stored == null ? 0 : stored.lastSequence();
    }

    /**
     * Forgets the purged messages of {@code queueName} in the journal: ElasticMQ purges without a queue event. The
     * journal forgets the queue's messages journalled up to {@code mark} ({@link #purgeMark} read before the purge
     * was passed on): those sent before the purge call are forgotten, those sent after its answer kept; a message
     * sent while the purge runs may be purged in memory and kept in the journal, so it can come back after a
     * restart (SQS too may or may not delete messages sent during a purge).
     */
    void purged(String queueName, long mark) {
        if (journal != null) {
            journal.tell(new QueueJournal.Purged(queueName, mark), ActorRef.noSender());
        }
    }

    /** The loopback port of ElasticMQ's REST server. */
    int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stopAndWait();
        } finally {
            try {
                if (journal != null) {
                    // Queued behind every pending change, so all of them are committed before the store closes.
                    Patterns.gracefulStop(journal, STOP_TIMEOUT).toCompletableFuture()
                            .get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (Exception e) {
                System.err.println("nagare: sqs: stopping the queue journal failed: " + e);
            } finally {
                terminate(system);
            }
        }
    }

    private static void restore(StoredQueues stored, ActorRef queues) {
        for (CreateQueueMetadata queue : stored.queuesInCreationOrder()) {
            Object created = ask(queues, new CreateQueue(queue.toCreateQueueData()), queue.name());
            if (!(created instanceof Either<?, ?> either) || either.isLeft()) {
                throw new IllegalStateException("cannot restore SQS queue " + queue.name() + ": " + created);
            }
            ask((ActorRef) either.toOption().get(), new RestoreMessages(stored.messages(queue.name())),
                    queue.name());
        }
    }

    private static Object ask(ActorRef actor, Object message, String queue) {
        try {
            return Patterns.ask(actor, message, START_TIMEOUT).toCompletableFuture()
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no answer from ElasticMQ about queue " + queue + ": " + e, e);
        }
    }

    private static void terminate(ActorSystem system) {
        try {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            System.err.println("nagare: sqs: stopping ElasticMQ failed: " + e);
        }
    }

    /** ElasticMQ's own settings (application.conf in its jar), with threads that never keep the JVM alive. */
    private static Config config() {
        ClassLoader loader = EmbeddedElasticMq.class.getClassLoader();
        return ConfigFactory.parseMap(Map.of(
                        "pekko.daemonic", "on",
                        "pekko.jvm-exit-on-fatal-error", "off",
                        "pekko.loglevel", "WARNING",
                        "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off",
                        // Idle pooled connections stay open, so a request never races the server closing one.
                        "pekko.http.server.idle-timeout", "infinite"))
                .withFallback(ConfigFactory.load(loader));
    }
}
