package io.nagare.local.lambda;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.runtime.LocalClock;
import io.nagare.local.runtime.targets.EventTargetException;
import io.nagare.local.runtime.targets.EventTargetInvoker;
import io.nagare.local.runtime.targets.EventTargetRequest;
import io.nagare.platform.model.FunctionDeclaration.StreamSource;

/**
 * One DynamoDB stream event source mapping at work. It finds the table's stream (waiting on the clock while the
 * table or its stream does not exist yet, as {@code ./nagare up} creates tables after services start), reads it
 * from the starting position, or after the last record it processed (its checkpoint, kept in the {@code lambda}
 * store, so a restart resumes), and invokes the function synchronously with batches in order. A failed batch is
 * retried, a second later on the clock, until it succeeds; with bisect-on-error it is split in two first, down to
 * single records; once {@code maximumRetryAttempts} retries are spent the batch is skipped and, with an on-failure
 * queue, Lambda's failure record goes there. With ReportBatchItemFailures the records before the first reported
 * failure count as processed and the rest is retried. A table re-created or a stream turned off and on starts a new
 * stream, read from its start position.
 */
final class StreamPoller implements AutoCloseable {

    static final Duration IDLE_DELAY = Duration.ofSeconds(1);
    static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    static final Duration UNAVAILABLE_DELAY = Duration.ofSeconds(10);
    private static final int MAX_RECORDS_PER_READ = 1000;

    private final String uuid;
    private final DeployedFunction function;
    private final StreamSource source;
    private final TableStreams streams;
    private final FunctionInvoker invoker;
    private final Supplier<Optional<EventTargetInvoker.Sqs>> sqs;
    private final Arns arns;
    private final LocalClock clock;
    private final Executor dispatch;
    private final MVStore store;
    private final MVMap<String, String> checkpoints;
    private final Deque<List<JsonNode>> pending = new ArrayDeque<>();
    private String streamArn;
    private String shardId;
    private String iterator;
    private int attempts;
    private String lastProblem;
    private volatile LocalClock.Timer timer;
    private volatile boolean closed;

    StreamPoller(String uuid, DeployedFunction function, StreamSource source, TableStreams streams,
                 FunctionInvoker invoker, Supplier<Optional<EventTargetInvoker.Sqs>> sqs, Arns arns, LocalClock clock, Executor dispatch,
                 MVStore store) {
        this.uuid = uuid;
        this.function = function;
        this.source = source;
        this.streams = streams;
        this.invoker = invoker;
        this.sqs = sqs;
        this.arns = arns;
        this.clock = clock;
        this.dispatch = dispatch;
        this.store = store;
        this.checkpoints = store.openMap("stream-checkpoints");
    }

    void start() {
        pollAfter(Duration.ZERO);
    }

    /** The stream being read, once found. */
    String streamArn() {
        return streamArn;
    }

    @Override
    public void close() {
        closed = true;
        LocalClock.Timer scheduled = timer;
        if (scheduled != null) {
            scheduled.cancel();
        }
    }

    synchronized void poll() {
        while (!closed) {
            if (pending.isEmpty()) {
                try {
                    if (!read()) {
                        pollAfter(IDLE_DELAY);
                        return;
                    }
                } catch (SqsQueues.Unavailable e) {
                    report(e.getMessage());
                    forgetStream();
                    pollAfter(UNAVAILABLE_DELAY);
                    return;
                }
            }
            if (!process(pending.peekFirst())) {
                return;
            }
        }
    }

    /** Reads the next batch into {@code pending}; false when there is nothing new. */
    private boolean read() {
        if (iterator == null) {
            String latest = streams.latestStream(source.table()).orElseThrow(() -> new SqsQueues.Unavailable(
                    "table " + source.table() + " has no stream (yet); waiting for it"));
            String shard = streams.shard(latest);
            String checkpoint = checkpointIn(latest);
            iterator = checkpoint != null ? resumeAfter(latest, shard, checkpoint)
                    : streams.iterator(latest, shard, source.startingPosition().name(), null);
            streamArn = latest;
            shardId = shard;
            lastProblem = null;
        }
        List<JsonNode> batch = new ArrayList<>();
        while (batch.size() < source.batchSize() && iterator != null) {
            TableStreams.Page page;
            try {
                page = streams.records(iterator, Math.min(MAX_RECORDS_PER_READ, source.batchSize() - batch.size()));
            } catch (SqsQueues.Unavailable e) {
                if (!e.getMessage().contains("ExpiredIteratorException")) {
                    throw e;
                }
                // An iterator lives 15 minutes (a long retry wait outlives it): Lambda takes a fresh one from its
                // checkpoint at once rather than backing off. Records read so far are processed first; read() runs
                // again only once they are checkpointed.
                forgetStream();
                if (batch.isEmpty()) {
                    return read();
                }
                break;
            }
            iterator = page.nextIterator();
            batch.addAll(page.records());
            if (page.records().isEmpty()) {
                break;
            }
        }
        if (iterator == null) {
            // The shard is closed (stream turned off, table deleted): look for the table's next stream.
            forgetStream();
        }
        if (batch.isEmpty()) {
            return false;
        }
        pending.add(batch);
        return true;
    }

    /**
     * The iterator after the checkpoint; from the trim horizon when the stream no longer keeps it (records older
     * than 24 hours are trimmed: they expired unprocessed, as on AWS).
     */
    private String resumeAfter(String stream, String shard, String checkpoint) {
        try {
            return streams.iterator(stream, shard, "AFTER_SEQUENCE_NUMBER", checkpoint);
        } catch (SqsQueues.Unavailable e) {
            if (!e.getMessage().contains("TrimmedDataAccessException")) {
                throw e;
            }
            report("records after the checkpoint " + checkpoint + " were trimmed from the stream before they were"
                    + " processed; reading from the trim horizon");
            return streams.iterator(stream, shard, "TRIM_HORIZON", null);
        }
    }

    /** Invokes the function with the batch; false when polling rests (retry or throttling) before going on. */
    private boolean process(List<JsonNode> batch) {
        String requestId = UUID.randomUUID().toString();
        FunctionInvoker.Result result;
        try {
            result = invoker.invoke(function, StreamEvents.event(batch, streamArn), requestId).join();
        } catch (LambdaApiException throttled) {
            pollAfter(RETRY_DELAY);
            return false;
        }
        int failedFrom = result.failed() ? 0
                : source.reportBatchItemFailures() ? StreamEvents.firstFailure(result.payload(), batch)
                : batch.size();
        if (failedFrom > 0) {
            checkpoint(batch.get(failedFrom - 1));
        }
        pending.pollFirst();
        if (failedFrom == batch.size()) {
            attempts = 0;
            lastProblem = null;
            return true;
        }
        List<JsonNode> failed = batch.subList(failedFrom, batch.size());
        if (source.bisectBatchOnError() && failed.size() > 1) {
            // Halves are retried without counting against the retries, as Lambda splits them.
            int half = failed.size() / 2;
            pending.addFirst(new ArrayList<>(failed.subList(half, failed.size())));
            pending.addFirst(new ArrayList<>(failed.subList(0, half)));
            return true;
        }
        attempts++;
        if (source.maximumRetryAttempts() >= 0 && attempts > source.maximumRetryAttempts()) {
            skip(new ArrayList<>(failed), requestId, result);
            attempts = 0;
            return true;
        }
        pending.addFirst(new ArrayList<>(failed));
        pollAfter(RETRY_DELAY);
        return false;
    }

    /** A batch whose retries are spent: the on-failure queue is told, and reading goes on after it. */
    private void skip(List<JsonNode> batch, String requestId, FunctionInvoker.Result last) {
        String queue = source.onFailureQueue();
        if (queue != null) {
            String record = StreamEvents.onFailureRecord(requestId, function.arn(), attempts, last, shardId,
                    streamArn, batch, clock.now());
            try {
                sqs.get().orElseThrow(() -> new EventTargetException("NO_RESOURCE", "no local SQS service", false))
                        .invoke(new EventTargetRequest(arns.queue(queue), record, null, Map.of(), null));
            } catch (EventTargetException e) {
                report("the on-failure queue " + queue + " refused the record of a skipped batch: "
                        + e.getMessage());
            }
        } else {
            report("skipped " + batch.size() + " record(s) after " + attempts + " attempt(s); no on-failure queue");
        }
        checkpoint(batch.get(batch.size() - 1));
    }

    private String checkpointIn(String stream) {
        String checkpoint = checkpoints.get(uuid);
        if (checkpoint == null) {
            return null;
        }
        int at = checkpoint.lastIndexOf('|');
        return checkpoint.substring(0, at).equals(stream) ? checkpoint.substring(at + 1) : null;
    }

    private void checkpoint(JsonNode record) {
        checkpoints.put(uuid, streamArn + "|" + StreamEvents.sequenceNumber(record));
        store.commit();
    }

    private void forgetStream() {
        iterator = null;
    }

    private void pollAfter(Duration delay) {
        if (!closed) {
            timer = clock.schedule(clock.now().plus(delay), () -> dispatch.execute(this::poll));
        }
    }

    private void report(String problem) {
        if (!problem.equals(lastProblem)) {
            lastProblem = problem;
            System.err.println("nagare: lambda: event source mapping " + uuid + " (" + source.table()
                    + " stream -> " + function.name() + "): " + problem);
        }
    }
}
