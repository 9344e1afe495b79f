package io.nagare.local.lambda;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

import io.nagare.local.runtime.LocalClock;
import io.nagare.platform.model.FunctionDeclaration.QueueSource;

/**
 * One SQS event source mapping at work: it gathers up to {@code batchSize} messages (waiting up to the batching
 * window for a batch to fill), invokes the function synchronously with them, and deletes what succeeded: the whole
 * batch, or with {@code ReportBatchItemFailures} all but the messages the function reports as failed. Messages of a
 * failed invocation are left alone: they come back after the queue's visibility timeout and, after
 * {@code maxReceiveCount} receives, SQS moves them to the queue's dead-letter queue. Polls run one after another on
 * the dispatch executor, timed by the runtime's clock.
 */
final class QueuePoller implements AutoCloseable {

    /** How long an empty queue (or a throttled function) rests before the next poll. */
    static final Duration EMPTY_QUEUE_DELAY = Duration.ofSeconds(1);
    /** How long SQS rests after it failed to answer. */
    static final Duration UNAVAILABLE_DELAY = Duration.ofSeconds(10);

    private final String uuid;
    private final DeployedFunction function;
    private final QueueSource source;
    private final String queueArn;
    private final String region;
    private final SqsQueues queues;
    private final FunctionInvoker invoker;
    private final LocalClock clock;
    private final Executor dispatch;
    private List<QueueMessage> gathered = new ArrayList<>();
    private Instant windowStart;
    private String lastProblem;
    private volatile LocalClock.Timer timer;
    private volatile boolean closed;

    QueuePoller(String uuid, DeployedFunction function, QueueSource source, String queueArn, String region,
                SqsQueues queues, FunctionInvoker invoker, LocalClock clock, Executor dispatch) {
        this.uuid = uuid;
        this.function = function;
        this.source = source;
        this.queueArn = queueArn;
        this.region = region;
        this.queues = queues;
        this.invoker = invoker;
        this.clock = clock;
        this.dispatch = dispatch;
    }

    void start() {
        pollAfter(Duration.ZERO);
    }

    @Override
    public void close() {
        closed = true;
        LocalClock.Timer scheduled = timer;
        if (scheduled != null) {
            scheduled.cancel();
        }
    }

    /** Invokes the function with batch after batch until the queue is empty, then rests. */
    synchronized void poll() {
        while (!closed) {
            try {
                gather();
            } catch (SqsQueues.Unavailable e) {
                report(e.getMessage());
                pollAfter(UNAVAILABLE_DELAY);
                return;
            }
            if (gathered.isEmpty()) {
                pollAfter(EMPTY_QUEUE_DELAY);
                return;
            }
            Instant windowEnd = windowStart.plusSeconds(source.maxBatchingWindowSeconds());
            Instant now = clock.now();
            if (gathered.size() < source.batchSize() && now.isBefore(windowEnd)) {
                Duration untilWindowEnds = Duration.between(now, windowEnd);
                pollAfter(untilWindowEnds.compareTo(EMPTY_QUEUE_DELAY) < 0 ? untilWindowEnds : EMPTY_QUEUE_DELAY);
                return;
            }
            List<QueueMessage> batch = gathered;
            gathered = new ArrayList<>();
            if (!process(batch)) {
                pollAfter(EMPTY_QUEUE_DELAY);
                return;
            }
        }
    }

    private void gather() {
        while (gathered.size() < source.batchSize()) {
            List<QueueMessage> received = queues.receive(source.queue(),
                    Math.min(10, source.batchSize() - gathered.size()));
            if (received.isEmpty()) {
                return;
            }
            if (gathered.isEmpty()) {
                windowStart = clock.now();
            }
            gathered.addAll(received);
        }
    }

    /** Invokes the function with the batch and deletes what succeeded; false when the function was throttled. */
    private boolean process(List<QueueMessage> batch) {
        FunctionInvoker.Result result;
        try {
            result = invoker.invoke(function, SqsEvents.event(batch, queueArn, region), UUID.randomUUID().toString())
                    .join();
        } catch (LambdaApiException throttled) {
            return false;
        }
        if (result.failed()) {
            return true;
        }
        Set<String> failed = source.reportBatchItemFailures()
                ? SqsEvents.failedMessageIds(result.payload(), batch) : Set.of();
        if (failed == null) {
            report("the function's response is not a valid partial batch response, so the whole batch of "
                    + batch.size() + " failed");
            return true;
        }
        List<QueueMessage> succeeded = batch.stream().filter(m -> !failed.contains(m.messageId())).toList();
        try {
            if (!succeeded.isEmpty()) {
                queues.delete(source.queue(), succeeded);
            }
            lastProblem = null;
        } catch (SqsQueues.Unavailable e) {
            report(e.getMessage() + "; the messages will be delivered again");
        }
        return true;
    }

    private void pollAfter(Duration delay) {
        if (!closed) {
            timer = clock.schedule(clock.now().plus(delay), () -> dispatch.execute(this::poll));
        }
    }

    /** Logs a problem once, not at every poll while it lasts. */
    private void report(String problem) {
        if (!problem.equals(lastProblem)) {
            lastProblem = problem;
            System.err.println("nagare: lambda: event source mapping " + uuid + " (" + source.queue() + " -> "
                    + function.name() + "): " + problem);
        }
    }
}
