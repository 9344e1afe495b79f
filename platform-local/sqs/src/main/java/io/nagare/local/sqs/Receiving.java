package io.nagare.local.sqs;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.pekko.actor.ActorRef;
import org.elasticmq.QueueData;

import io.nagare.local.runtime.LocalClock;
import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;

/**
 * ReceiveMessage on the injected clock. ElasticMQ's long polls wait on Pekko's scheduler (wall time), so every
 * receive reaches it with {@code WaitTimeSeconds=0}; a long poll (the request's wait, else the queue's
 * ReceiveMessageWaitTimeSeconds) that finds nothing waits here until a message is sent to the queue, or the clock
 * passes the next whole second of the wait (a delayed or in-flight message may have become visible), and asks again
 * until the wait is over on the clock.
 *
 * <p>Retention: a received message older than the queue's MessageRetentionPeriod on the clock is deleted and left out
 * of the answer, as SQS never delivers it (ElasticMQ keeps messages forever). Expired messages still count in
 * ApproximateNumberOfMessages until a receive meets them.
 */
final class Receiving {

    private static final Duration TICK = Duration.ofSeconds(1);

    private final LocalClock clock;
    private final ElasticMqClock queueClock;
    private final QueueActors actors;
    private final QueueSettings settings;
    private final Function<LocalRequest, LocalResponse> elasticMq;
    private final Object lock = new Object();
    private final Map<String, Long> sends = new HashMap<>();
    private boolean closed;

    Receiving(LocalClock clock, ElasticMqClock queueClock, QueueActors actors, QueueSettings settings,
              Function<LocalRequest, LocalResponse> elasticMq) {
        this.clock = clock;
        this.queueClock = queueClock;
        this.actors = actors;
        this.settings = settings;
        this.elasticMq = elasticMq;
    }

    LocalResponse receive(SqsCall call) {
        String queue = call.queueName();
        Optional<ActorRef> actor = queue == null ? Optional.empty() : actors.lookup(queue);
        if (actor.isEmpty()) {
            return elasticMq.apply(call.request());
        }
        Duration wait = requestedWait(call).orElseGet(() -> actors.data(queue).map(QueueData::receiveMessageWait)
                .orElse(Duration.ZERO));
        if (wait.isNegative() || wait.compareTo(Duration.ofSeconds(20)) > 0) {
            // ElasticMQ answers an out-of-range wait with SQS's error.
            return elasticMq.apply(call.request());
        }
        LocalRequest immediate = call.withParameter("WaitTimeSeconds", 0);
        Instant deadline = clock.now().plus(wait);
        while (true) {
            long seen = sendsTo(queue);
            LocalResponse response = elasticMq.apply(immediate);
            if (response.status() != 200) {
                return response;
            }
            Map<String, String> received = call.receivedMessages(response);
            Set<String> expired = expired(queue, actor.get(), received);
            response = call.withoutMessages(response, expired);
            if (received.size() > expired.size()) {
                return response;
            }
            if (!expired.isEmpty()) {
                // Every message received had expired: the queue may hold more, look again at once.
                continue;
            }
            Instant now = clock.now();
            if (!now.isBefore(deadline)) {
                return response;
            }
            Instant next = now.plus(TICK).isBefore(deadline) ? now.plus(TICK) : deadline;
            LocalClock.Timer timer = clock.schedule(next, () -> sent(queue));
            try {
                if (!awaitSend(queue, seen)) {
                    return response;
                }
            } finally {
                timer.cancel();
            }
        }
    }

    /** A message reached {@code queue} (or its clock ticked): waiting receives ask again. */
    void sent(String queue) {
        synchronized (lock) {
            sends.merge(queue, 1L, Long::sum);
            lock.notifyAll();
        }
    }

    /** Ends every waiting receive (the service is closing). */
    void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    private Set<String> expired(String queue, ActorRef actor, Map<String, String> received) {
        Set<String> expired = new LinkedHashSet<>();
        if (received.isEmpty()) {
            return expired;
        }
        long oldest = queueClock.nowMillis() - settings.retention(queue).toMillis();
        received.forEach((id, receipt) -> actors.sentMillis(actor, id).ifPresent(sent -> {
            if (queueClock.clockMillisAt(sent) < oldest) {
                actors.delete(actor, receipt);
                expired.add(id);
            }
        }));
        return expired;
    }

    private static Optional<Duration> requestedWait(SqsCall call) {
        String wait = call.parameter("WaitTimeSeconds");
        if (wait == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(wait.trim())));
        } catch (NumberFormatException e) {
            return Optional.of(Duration.ofSeconds(-1));
        }
    }

    private long sendsTo(String queue) {
        synchronized (lock) {
            return sends.getOrDefault(queue, 0L);
        }
    }

    /** Waits until something reaches {@code queue} after {@code seen}; false when the service closed. */
    private boolean awaitSend(String queue, long seen) {
        synchronized (lock) {
            while (!closed && sends.getOrDefault(queue, 0L) == seen) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !closed;
        }
    }
}
