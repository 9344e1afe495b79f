package io.nagare.local.sqs;

import java.nio.file.Path;
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
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.CreateQueueMetadata;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import io.nagare.local.runtime.LocalClock;

import scala.Option;
import scala.util.Either;

/**
 * ElasticMQ in this JVM: its queue actors on {@link ElasticMqClock}, its SQL persistence when the runtime has a data
 * directory, and its SQS REST server on a loopback port that only {@link SqsService} talks to.
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
    private final MessageStore store;
    private final ActorRef persistence;
    private final SQSRestServer server;
    private final int port;

    private EmbeddedElasticMq(ActorSystem system, MessageStore store, ActorRef persistence, SQSRestServer server) {
        this.system = system;
        this.store = store;
        this.persistence = persistence;
        this.server = server;
        this.port = server.waitUntilStarted().localAddress().getPort();
    }

    /** Starts ElasticMQ, restoring the queues and messages kept under {@code dataDirectory} if there is one. */
    static EmbeddedElasticMq start(LocalClock localClock, String region, String accountId,
                                   Optional<Path> dataDirectory) {
        ActorSystem system = ActorSystem.create("nagare-sqs", config(), EmbeddedElasticMq.class.getClassLoader());
        MessageStore store = null;
        try {
            store = dataDirectory.map(MessageStore::open).orElse(null);
            ElasticMqClock clock = new ElasticMqClock(localClock,
                    store == null ? localClock.now() : store.clockOrigin(localClock.now()));
            ActorRef persistence = null;
            if (store != null) {
                SqlQueuePersistenceConfig persistenceConfig = store.config();
                persistence = system.actorOf(Props.create(SqlQueuePersistenceActor.class,
                        () -> new SqlQueuePersistenceActor(persistenceConfig, noBaseQueues())));
            }
            Option<ActorRef> listener = Option.apply(persistence);
            ActorRef queues = system.actorOf(Props.create(QueueManagerActor.class,
                    () -> new QueueManagerActor(clock, StrictSQSLimits$.MODULE$, listener)));
            if (persistence != null) {
                restore(system, persistence, queues);
            }
            TheSQSRestServerBuilder builder = SQSRestServerBuilder.withActorSystem(system)
                    .withQueueManagerActor(queues)
                    .withInterface("127.0.0.1")
                    .withDynamicPort()
                    .withServerAddress(new NodeAddress("http", "*", 0, ""))
                    .withAWSRegion(region)
                    .withAWSAccountId(accountId);
            if (persistence != null) {
                builder = builder.withQueueEventListener(persistence);
            }
            return new EmbeddedElasticMq(system, store, persistence, builder.start());
        } catch (RuntimeException e) {
            terminate(system);
            if (store != null) {
                store.close();
            }
            throw e;
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
                if (persistence != null) {
                    // Queued after every pending write, so the store holds all of them before it closes.
                    Patterns.gracefulStop(persistence, STOP_TIMEOUT).toCompletableFuture()
                            .get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (Exception e) {
                System.err.println("nagare: sqs: stopping the message store writer failed: " + e);
            } finally {
                terminate(system);
                if (store != null) {
                    store.close();
                }
            }
        }
    }

    private static void restore(ActorSystem system, ActorRef persistence, ActorRef queues) {
        ActorRef restore = system.actorOf(FifoRestore.props(queues));
        Object result;
        try {
            result = Patterns.ask(persistence, new QueueEvent.Restore(restore), START_TIMEOUT).toCompletableFuture()
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot restore the SQS queues: " + e, e);
        } finally {
            system.stop(restore);
        }
        if (result instanceof Either<?, ?> either && either.isLeft()) {
            throw new IllegalStateException("cannot restore the SQS queues: " + either.left().get());
        }
    }

    /** Queues come only from the store and the API, never from ElasticMQ's configuration file. */
    private static scala.collection.immutable.List<CreateQueueMetadata> noBaseQueues() {
        return scala.collection.immutable.List$.MODULE$.empty();
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
