package io.nagare.local.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import io.nagare.local.runtime.LocalClock;
import io.nagare.platform.model.FunctionDeclaration;

/**
 * Lambda's queue of asynchronous ({@code Event}) invocations, durable in the runtime's store: an event is committed
 * before the invoker gets its 202 and removed only once it is done, so a restart resumes every pending one (at least
 * once). A function error or timeout is retried {@code asyncRetryAttempts} times (1 minute before the first retry,
 * 2 before the second). A throttled attempt is retried with back-off and does not count. An event is not tried
 * any more once it is older than the function's {@code maximumEventAgeSeconds} (6 hours by default).
 *
 * <p>When it is done, what follows is kept in the same record until it is delivered (so a restart does not lose
 * it): after a success, the invocation record to the on-success destination; after the last failure, the event to
 * the dead-letter queue and the invocation record to the on-failure destination, both when both are declared, as
 * on AWS. A delivery SQS or EventBridge cannot take for now is tried again a minute later.
 */
final class AsyncInvocations implements AutoCloseable {

    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2));
    private static final Duration MAX_THROTTLE_DELAY = Duration.ofMinutes(5);
    private static final Duration DELIVERY_RETRY_DELAY = Duration.ofMinutes(1);
    private static final String DEAD_LETTER = "deadLetter";
    private static final String ON_SUCCESS = "onSuccess";
    private static final String ON_FAILURE = "onFailure";

    private final MVStore store;
    private final MVMap<String, String> pending;
    private final FunctionRegistry functions;
    private final FunctionInvoker invoker;
    private final DeadLetters deadLetters;
    private final AsyncDestinations destinations;
    private final LocalClock clock;
    private final Executor dispatch;
    private volatile boolean closed;

    AsyncInvocations(MVStore store, FunctionRegistry functions, FunctionInvoker invoker,
                     DeadLetters deadLetters, AsyncDestinations destinations, LocalClock clock, Executor dispatch) {
        this.store = store;
        this.pending = store.openMap("async-invocations");
        this.functions = functions;
        this.invoker = invoker;
        this.deadLetters = deadLetters;
        this.destinations = destinations;
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
        record.put("invocations", 0);
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
        if (record.has("errorMessage") && !record.has("deliveries")) {
            // Left by a runtime that only knew dead-letter queues: what it still had to do.
            record.putArray("deliveries").add(DEAD_LETTER);
        }
        if (record.has("deliveries")) {
            deliver(requestId, record, function);
            return;
        }
        if (expiredAt(record, clock.now(), function)) {
            // Due while the runtime was down: the dead letter tells the last failure, or the throttling.
            boolean failedBefore = record.has("lastErrorMessage");
            record.put("errorCode", failedBefore ? 200 : 429);
            record.put("errorMessage", failedBefore ? record.path("lastErrorMessage").asText() : "Rate Exceeded.");
            finish(requestId, record, function, InvocationRecords.Condition.EventAgeExceeded);
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
        record.put("invocations", record.path("invocations").asInt() + 1);
        record.put("statusCode", 200);
        if (!result.failed()) {
            record.put("response", result.payload() == null ? ""
                    : new String(result.payload(), StandardCharsets.UTF_8));
            finish(requestId, record, function, InvocationRecords.Condition.Success);
            return;
        }
        record.put("functionError", "Unhandled");
        record.put("response", Jsons.text(result.error().toJson()));
        record.put("lastErrorMessage", result.error().errorMessage());
        int attempts = record.path("attempts").asInt() + 1;
        record.put("attempts", attempts);
        Instant next = clock.now().plus(RETRY_DELAYS.get(Math.min(attempts, RETRY_DELAYS.size()) - 1));
        boolean retriesLeft = attempts <= function.declaration().asyncRetryAttempts();
        if (retriesLeft && !expiredAt(record, next, function)) {
            save(requestId, record, next);
            schedule(requestId, next);
        } else {
            record.put("errorCode", 200);
            record.put("errorMessage", result.error().errorMessage());
            finish(requestId, record, function, retriesLeft ? InvocationRecords.Condition.EventAgeExceeded
                    : InvocationRecords.Condition.RetriesExhausted);
        }
    }

    private void throttled(String requestId, ObjectNode record, DeployedFunction function, LambdaApiException error) {
        int throttles = record.path("throttles").asInt() + 1;
        record.put("throttles", throttles);
        Duration delay = Duration.ofSeconds(1L << Math.min(throttles - 1, 20));
        Instant next = clock.now().plus(delay.compareTo(MAX_THROTTLE_DELAY) < 0 ? delay : MAX_THROTTLE_DELAY);
        if (expiredAt(record, next, function)) {
            record.put("errorCode", error.httpStatus());
            record.put("errorMessage", error.getMessage());
            if (record.path("invocations").asInt() == 0) {
                record.put("statusCode", error.httpStatus());
            }
            finish(requestId, record, function, InvocationRecords.Condition.EventAgeExceeded);
        } else {
            save(requestId, record, next);
            schedule(requestId, next);
        }
    }

    /** Decides, durably, what the invocation's outcome is still owed to; then delivers it. */
    private void finish(String requestId, ObjectNode record, DeployedFunction function,
                        InvocationRecords.Condition condition) {
        record.put("condition", condition.name());
        record.put("finishedAt", clock.now().toString());
        ArrayNode deliveries = record.putArray("deliveries");
        if (condition == InvocationRecords.Condition.Success) {
            if (function.declaration().onSuccess() != null) {
                deliveries.add(ON_SUCCESS);
            }
        } else {
            if (function.declaration().deadLetterQueue() != null || function.declaration().onFailure() == null) {
                // Without any failure destination DeadLetters reports the drop.
                deliveries.add(DEAD_LETTER);
            }
            if (function.declaration().onFailure() != null) {
                deliveries.add(ON_FAILURE);
            }
        }
        if (deliveries.isEmpty()) {
            remove(requestId);
            return;
        }
        save(requestId, record, clock.now());
        deliver(requestId, record, function);
    }

    private void deliver(String requestId, ObjectNode record, DeployedFunction function) {
        ArrayNode deliveries = (ArrayNode) record.get("deliveries");
        ArrayNode left = Jsons.MAPPER.createArrayNode();
        for (JsonNode delivery : deliveries) {
            DeadLetters.Outcome outcome = switch (delivery.asText()) {
                case DEAD_LETTER -> deadLetters.send(function, requestId, record.path("payload").asText(),
                        record.path("errorCode").asInt(), record.path("errorMessage").asText());
                case ON_SUCCESS -> destination(requestId, record, function, function.declaration().onSuccess(), true);
                case ON_FAILURE -> destination(requestId, record, function, function.declaration().onFailure(),
                        false);
                default -> DeadLetters.Outcome.DROPPED;
            };
            if (outcome == DeadLetters.Outcome.RETRY) {
                left.add(delivery);
            }
        }
        if (left.isEmpty()) {
            remove(requestId);
            return;
        }
        record.set("deliveries", left);
        Instant next = clock.now().plus(DELIVERY_RETRY_DELAY);
        save(requestId, record, next);
        schedule(requestId, next);
    }

    private DeadLetters.Outcome destination(String requestId, ObjectNode record, DeployedFunction function,
                                            FunctionDeclaration.AsyncDestination destination, boolean success) {
        if (destination == null) {
            System.err.println("nagare: lambda: dropped the invocation record of asynchronous invocation " + requestId
                    + " of " + function.name() + ": its destination is no longer declared");
            return DeadLetters.Outcome.DROPPED;
        }
        JsonNode invocationRecord = InvocationRecords.record(requestId, function.arn(),
                InvocationRecords.Condition.valueOf(record.path("condition").asText()),
                record.path("invocations").asInt(), record.path("payload").asText(),
                record.path("statusCode").asInt(200), record.hasNonNull("functionError")
                        ? record.get("functionError").asText() : null,
                record.hasNonNull("response") ? record.get("response").asText() : null,
                Instant.parse(record.path("finishedAt").asText()));
        return destinations.send(function, destination, success, invocationRecord);
    }

    private static boolean expiredAt(JsonNode record, Instant when, DeployedFunction function) {
        Duration maxAge = Duration.ofSeconds(function.declaration().maximumEventAgeSeconds());
        return !when.isBefore(Instant.parse(record.path("enqueuedAt").asText()).plus(maxAge));
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
