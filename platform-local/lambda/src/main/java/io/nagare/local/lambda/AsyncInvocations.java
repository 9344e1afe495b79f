package io.nagare.local.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import io.nagare.local.runtime.LocalClock;

/**
 * Lambda's queue of asynchronous ({@code Event}) invocations, durable in the runtime's store: an event is committed
 * before the invoker gets its 202 and removed only once it is done, so a restart resumes every pending one (at least
 * once). A function error or timeout is retried {@code asyncRetryAttempts} times (1 minute before the first retry,
 * 2 before the second), then the event goes to the function's dead-letter queue. A throttled attempt is retried
 * with back-off and does not count; an event older than 6 hours is not retried any more.
 */
final class AsyncInvocations implements AutoCloseable {

    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2));
    static final Duration MAX_EVENT_AGE = Duration.ofHours(6);
    private static final Duration MAX_THROTTLE_DELAY = Duration.ofMinutes(5);
    private static final Duration DEAD_LETTER_RETRY_DELAY = Duration.ofMinutes(1);

    private final MVStore store;
    private final MVMap<String, String> pending;
    private final FunctionRegistry functions;
    private final FunctionInvoker invoker;
    private final DeadLetters deadLetters;
    private final LocalClock clock;
    private final Executor dispatch;
    private volatile boolean closed;

    AsyncInvocations(MVStore store, FunctionRegistry functions, FunctionInvoker invoker,
                     DeadLetters deadLetters, LocalClock clock, Executor dispatch) {
        this.store = store;
        this.pending = store.openMap("async-invocations");
        this.functions = functions;
        this.invoker = invoker;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.dispatch = dispatch;
    }

    /** Queues an invocation durably; returns its request id, the one the function's context will show. */
    String enqueue(DeployedFunction function, byte[] payload) {
        String requestId = UUID.randomUUID().toString();
        ObjectNode record = Jsons.MAPPER.createObjectNode();
        record.put("function", function.name());
        record.put("payload", new String(payload, StandardCharsets.UTF_8));
        record.put("attempts", 0);
        record.put("throttles", 0);
        record.put("enqueuedAt", clock.now().toString());
        save(requestId, record, clock.now());
        dispatch.execute(() -> attempt(requestId));
        return requestId;
    }

    /** Schedules every invocation a previous run left pending. */
    void recover() {
        for (String requestId : List.copyOf(pending.keySet())) {
            JsonNode record = read(requestId);
            if (record != null) {
                schedule(requestId, Instant.parse(record.path("nextAttemptAt").asText()));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private void attempt(String requestId) {
        ObjectNode record = read(requestId);
        if (closed || record == null) {
            return;
        }
        DeployedFunction function = functions.named(record.path("function").asText());
        if (function == null) {
            System.err.println("nagare: lambda: dropped asynchronous invocation " + requestId + ": function '"
                    + record.path("function").asText() + "' is no longer declared");
            remove(requestId);
            return;
        }
        if (record.has("errorMessage")) {
            deadLetter(requestId, record, function);
            return;
        }
        FunctionInvoker.Result result;
        try {
            result = invoker.invoke(function, record.path("payload").asText().getBytes(StandardCharsets.UTF_8),
                    requestId).join();
        } catch (LambdaApiException throttled) {
            throttled(requestId, record, function, throttled);
            return;
        }
        if (!result.failed()) {
            remove(requestId);
            return;
        }
        int attempts = record.path("attempts").asInt() + 1;
        record.put("attempts", attempts);
        Instant next = clock.now().plus(RETRY_DELAYS.get(Math.min(attempts, RETRY_DELAYS.size()) - 1));
        if (attempts <= function.declaration().asyncRetryAttempts() && !expiredAt(record, next)) {
            save(requestId, record, next);
            schedule(requestId, next);
        } else {
            record.put("errorCode", 200);
            record.put("errorMessage", result.error().errorMessage());
            deadLetter(requestId, record, function);
        }
    }

    private void throttled(String requestId, ObjectNode record, DeployedFunction function, LambdaApiException error) {
        int throttles = record.path("throttles").asInt() + 1;
        record.put("throttles", throttles);
        Duration delay = Duration.ofSeconds(1L << Math.min(throttles - 1, 20));
        Instant next = clock.now().plus(delay.compareTo(MAX_THROTTLE_DELAY) < 0 ? delay : MAX_THROTTLE_DELAY);
        if (expiredAt(record, next)) {
            record.put("errorCode", error.httpStatus());
            record.put("errorMessage", error.getMessage());
            deadLetter(requestId, record, function);
        } else {
            save(requestId, record, next);
            schedule(requestId, next);
        }
    }

    private void deadLetter(String requestId, ObjectNode record, DeployedFunction function) {
        DeadLetters.Outcome outcome = deadLetters.send(function, requestId, record.path("payload").asText(),
                record.path("errorCode").asInt(), record.path("errorMessage").asText());
        if (outcome == DeadLetters.Outcome.RETRY) {
            Instant next = clock.now().plus(DEAD_LETTER_RETRY_DELAY);
            save(requestId, record, next);
            schedule(requestId, next);
        } else {
            remove(requestId);
        }
    }

    private boolean expiredAt(JsonNode record, Instant when) {
        return !when.isBefore(Instant.parse(record.path("enqueuedAt").asText()).plus(MAX_EVENT_AGE));
    }

    private void schedule(String requestId, Instant due) {
        if (!closed) {
            clock.schedule(due, () -> dispatch.execute(() -> attempt(requestId)));
        }
    }

    private void save(String requestId, ObjectNode record, Instant nextAttemptAt) {
        record.put("nextAttemptAt", nextAttemptAt.toString());
        pending.put(requestId, Jsons.text(record));
        store.commit();
    }

    private void remove(String requestId) {
        pending.remove(requestId);
        store.commit();
    }

    private ObjectNode read(String requestId) {
        String text = pending.get(requestId);
        if (text == null) {
            return null;
        }
        try {
            return (ObjectNode) Jsons.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable asynchronous invocation " + requestId + ": " + text, e);
        }
    }
}
