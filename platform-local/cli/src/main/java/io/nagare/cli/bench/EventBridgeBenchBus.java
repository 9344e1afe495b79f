package io.nagare.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One bench bus: {@code rules} rules with non-overlapping patterns ({@code detail-type} {@code bench-<i>}), each
 * targeting the same SQS queue, so every event matches exactly one rule. {@link #run} sends events spread evenly
 * over the rules, ten per PutEvents, from {@code concurrency} threads, and waits until the queue holds all of them.
 */
final class EventBridgeBenchBus {

    static final String SOURCE = "nagare.bench";
    private static final int ENTRIES_PER_CALL = 10;
    /**
     * Counting a queue's messages walks all of them in ElasticMQ, so the count is read rarely while far from the end
     * and every {@link #MIN_POLL_MILLIS} near it.
     */
    private static final long MIN_POLL_MILLIS = 10;
    private static final long MAX_POLL_MILLIS = 250;
    /** A run fails when the queue stops growing for this long. */
    private static final long STALL_NANOS = 60_000_000_000L;

    private final EventBridgeBenchClient client;
    private final String bus;
    private final String queueUrl;
    private final int rules;

    private EventBridgeBenchBus(EventBridgeBenchClient client, String bus, String queueUrl, int rules) {
        this.client = client;
        this.bus = bus;
        this.queueUrl = queueUrl;
        this.rules = rules;
    }

    /** Creates (or reuses) the bus {@code nagare-bench-<rules>}, its queue and rules, {@code concurrency} at a time. */
    static EventBridgeBenchBus create(EventBridgeBenchClient client, int rules, int concurrency) throws Exception {
        String name = "nagare-bench-" + rules;
        try {
            client.events("CreateEventBus", object().put("Name", name));
        } catch (EventBridgeBenchClient.CallFailed e) {
            if (!e.errorType().equals("ResourceAlreadyExistsException")) {
                throw e;
            }
        }
        String queueUrl = client.sqs("CreateQueue", object().put("QueueName", name)).get("QueueUrl").asText();
        ObjectNode attributes = object().put("QueueUrl", queueUrl);
        attributes.putArray("AttributeNames").add("QueueArn");
        String queueArn = client.sqs("GetQueueAttributes", attributes).get("Attributes").get("QueueArn").asText();
        ExecutorService setup = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (int i = 0; i < rules; i++) {
                String rule = "bench-" + i;
                created.add(setup.submit(() -> {
                    client.events("PutRule", object().put("Name", rule).put("EventBusName", name)
                            .put("EventPattern", "{\"source\":[\"" + SOURCE + "\"],\"detail-type\":[\"" + rule + "\"]}"));
                    ObjectNode targets = object().put("Rule", rule).put("EventBusName", name);
                    targets.putArray("Targets").addObject().put("Id", "queue").put("Arn", queueArn);
                    client.events("PutTargets", targets);
                }));
            }
            for (Future<?> future : created) {
                future.get();
            }
        } finally {
            setup.shutdownNow();
        }
        EventBridgeBenchBus created = new EventBridgeBenchBus(client, name, queueUrl, rules);
        created.purge();
        return created;
    }

    int rules() {
        return rules;
    }

    /** The result of one run: when every PutEvents had answered and when the queue held every event. */
    record Result(int events, double acceptedSeconds, double deliveredSeconds, long failedEntries, long extra) {

        double deliveredPerSecond() {
            return events / deliveredSeconds;
        }

        double acceptedPerSecond() {
            return events / acceptedSeconds;
        }
    }

    /** Sends {@code events} (rounded up to whole PutEvents calls) and waits until the queue holds them all. */
    Result run(int events, int concurrency) throws Exception {
        int calls = (events + ENTRIES_PER_CALL - 1) / ENTRIES_PER_CALL;
        int total = calls * ENTRIES_PER_CALL;
        AtomicInteger nextCall = new AtomicInteger();
        AtomicLong failedEntries = new AtomicLong();
        AtomicLong acceptedAt = new AtomicLong();
        AtomicInteger sendersLeft = new AtomicInteger(concurrency);
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> sending = new ArrayList<>();
        try {
            for (int t = 0; t < concurrency; t++) {
                sending.add(senders.submit(() -> {
                    int call;
                    while ((call = nextCall.getAndIncrement()) < calls) {
                        int failed = client.putEvents(putEventsBody(call)).path("FailedEntryCount").asInt();
                        failedEntries.addAndGet(failed);
                    }
                    if (sendersLeft.decrementAndGet() == 0) {
                        acceptedAt.set(System.nanoTime());
                    }
                }));
            }
            long expected = total - failedEntries.get();
            long delivered = 0;
            long lastProgress = System.nanoTime();
            while (delivered < expected || !allDone(sending)) {
                double elapsedMillis = (System.nanoTime() - start) / 1e6;
                double remainingMillis = delivered == 0 ? MAX_POLL_MILLIS
                        : (expected - delivered) * elapsedMillis / delivered;
                Thread.sleep(Math.max(MIN_POLL_MILLIS, Math.min(MAX_POLL_MILLIS, (long) (remainingMillis / 4))));
                throwIfFailed(sending);
                long now = queueSize();
                if (now > delivered) {
                    lastProgress = System.nanoTime();
                }
                delivered = now;
                expected = total - failedEntries.get();
                if (System.nanoTime() - lastProgress > STALL_NANOS) {
                    throw new IllegalStateException("the queue stopped at " + delivered + " of " + expected
                            + " events for 60 s");
                }
            }
            long end = System.nanoTime();
            Result result = new Result(total, (acceptedAt.get() - start) / 1e9, (end - start) / 1e9,
                    failedEntries.get(), delivered - expected);
            purge();
            return result;
        } finally {
            senders.shutdownNow();
        }
    }

    /** Ten entries; event {@code n} matches rule {@code n mod rules}. */
    private String putEventsBody(int call) {
        StringBuilder body = new StringBuilder(160 * ENTRIES_PER_CALL).append("{\"Entries\":[");
        for (int i = 0; i < ENTRIES_PER_CALL; i++) {
            long n = (long) call * ENTRIES_PER_CALL + i;
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"EventBusName\":\"").append(bus).append("\",\"Source\":\"").append(SOURCE)
                    .append("\",\"DetailType\":\"bench-").append(n % rules)
                    .append("\",\"Detail\":\"{\\\"orderId\\\":\\\"o-").append(n).append("\\\",\\\"amount\\\":42.5}\"}");
        }
        return body.append("]}").toString();
    }

    private long queueSize() {
        ObjectNode request = object().put("QueueUrl", queueUrl);
        request.putArray("AttributeNames").add("ApproximateNumberOfMessages");
        return client.sqs("GetQueueAttributes", request).get("Attributes").get("ApproximateNumberOfMessages")
                .asLong();
    }

    private void purge() {
        client.sqs("PurgeQueue", object().put("QueueUrl", queueUrl));
    }

    private static boolean allDone(List<Future<?>> futures) {
        return futures.stream().allMatch(Future::isDone);
    }

    private static void throwIfFailed(List<Future<?>> futures) throws Exception {
        for (Future<?> future : futures) {
            if (future.isDone()) {
                future.get();
            }
        }
    }

    private static ObjectNode object() {
        return EventBridgeBenchClient.JSON.createObjectNode();
    }
}
