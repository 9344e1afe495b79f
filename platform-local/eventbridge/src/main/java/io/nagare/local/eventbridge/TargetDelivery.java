package io.nagare.local.eventbridge;

import io.nagare.local.runtime.targets.EventTargetRequest;
import io.nagare.local.runtime.targets.EventTargetException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Attempts each recorded delivery until its target accepts it. A retryable failure is retried after a back-off
 * on the runtime clock while the target's RetryPolicy allows (retries and event age); then, or at once for a
 * non-retryable failure, the event goes to the target's DeadLetterConfig queue with EventBridge's message
 * attributes, or is dropped when the target has none. Deliveries are attempted in chunks, one commit per chunk,
 * so a restart resumes where the last commit left off (an attempt not yet committed is made again).
 */
final class TargetDelivery {

    /** Deliveries attempted per task and commit. */
    private static final int CHUNK = 100;

    private final EventBridgeState state;
    private final Executor executor;
    private final TargetInvokers invokers;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    TargetDelivery(EventBridgeState state, Executor executor, TargetInvokers invokers) {
        this.state = state;
        this.executor = executor;
        this.invokers = invokers;
    }

    void start(List<Records.Delivery> deliveries) {
        for (int from = 0; from < deliveries.size(); from += CHUNK) {
            List<String> chunk = deliveries.subList(from, Math.min(deliveries.size(), from + CHUNK)).stream()
                    .map(Records.Delivery::id).toList();
            executor.execute(() -> attempt(chunk));
        }
    }

    /** Resumes the deliveries of a previous run: those due now at once, the others at their due time. */
    void recover() {
        Instant now = state.clock.now();
        for (String id : List.copyOf(state.store.deliveries.keySet())) {
            state.store.read(state.store.deliveries, id, Records.Delivery.class).ifPresent(delivery -> {
                Instant due = Instant.ofEpochMilli(delivery.dueMillis());
                if (due.isAfter(now)) {
                    retryAt(id, due);
                } else {
                    executor.execute(() -> attempt(List.of(id)));
                }
            });
        }
    }

    /** Attempts each delivery once (those another thread is attempting are skipped), then commits. */
    void attempt(List<String> ids) {
        List<String> mine = new ArrayList<>();
        try {
            for (String id : ids) {
                if (inFlight.add(id)) {
                    mine.add(id);
                    state.store.read(state.store.deliveries, id, Records.Delivery.class).ifPresent(this::attempt);
                }
            }
            state.store.commit();
        } finally {
            mine.forEach(inFlight::remove);
        }
    }

    private void attempt(Records.Delivery delivery) {
        JsonNode target = EventJson.parse(delivery.target());
        String targetArn = target.get("Arn").asText();
        try {
            invokers.forArn(targetArn).invoke(new EventTargetRequest(targetArn, delivery.input(),
                    delivery.ruleArn(), Map.of(), target.path("SqsParameters").path("MessageGroupId").asText(null)));
            state.store.deliveries.remove(delivery.id());
        } catch (EventTargetException failure) {
            failed(delivery, target, failure);
        }
    }

    private void failed(Records.Delivery delivery, JsonNode target, EventTargetException failure) {
        if (!failure.retryable()) {
            deadLetter(delivery, target, failure.errorCode(), failure.getMessage(), null, delivery.retries());
            return;
        }
        RetryPolicy policy = RetryPolicy.of(target);
        if (delivery.retries() >= policy.maximumRetryAttempts()) {
            deadLetter(delivery, target, failure.errorCode(), failure.getMessage(), "MaximumRetryAttemptsExhausted",
                    delivery.retries());
            return;
        }
        Instant due = state.clock.now().plus(RetryPolicy.backoff(delivery.retries() + 1));
        Duration age = Duration.between(Instant.ofEpochMilli(delivery.ingestionMillis()), due);
        if (age.compareTo(policy.maximumEventAge()) > 0) {
            deadLetter(delivery, target, failure.errorCode(), failure.getMessage(), "MaximumEventAgeExhausted",
                    delivery.retries());
            return;
        }
        state.store.write(state.store.deliveries, delivery.id(),
                delivery.failed(due.toEpochMilli(), failure.errorCode(), failure.getMessage()));
        retryAt(delivery.id(), due);
    }

    private void retryAt(String id, Instant due) {
        state.clock.schedule(due, () -> executor.execute(() -> attempt(List.of(id))));
    }

    private void deadLetter(Records.Delivery delivery, JsonNode target, String errorCode, String errorMessage,
                            String exhaustedCondition, int retries) {
        String queueArn = target.path("DeadLetterConfig").path("Arn").asText(null);
        if (queueArn != null) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("ERROR_CODE", errorCode);
            attributes.put("ERROR_MESSAGE", errorMessage == null ? "" : errorMessage);
            if (exhaustedCondition != null) {
                attributes.put("EXHAUSTED_RETRY_CONDITION", exhaustedCondition);
            }
            attributes.put("RETRY_ATTEMPTS", Integer.toString(retries));
            attributes.put("RULE_ARN", delivery.ruleArn());
            attributes.put("TARGET_ARN", target.get("Arn").asText());
            try {
                invokers.forArn(queueArn).invoke(
                        new EventTargetRequest(queueArn, delivery.event(), null, attributes, null));
            } catch (EventTargetException dlqFailure) {
                // EventBridge drops an event its dead-letter queue refuses; say so rather than lose it silently.
                System.err.println("nagare: eventbridge dropped an event: dead-letter queue " + queueArn
                        + " failed: " + dlqFailure.getMessage());
            }
        }
        state.store.deliveries.remove(delivery.id());
    }
}
