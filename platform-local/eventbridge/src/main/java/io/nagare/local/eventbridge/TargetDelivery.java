package io.nagare.local.eventbridge;

import io.nagare.local.runtime.targets.EventTargetRequest;
import io.nagare.local.runtime.targets.EventTargetException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Attempts deliveries until their target accepts them. The dispatcher makes each first attempt with the matched
 * event in memory; a retryable failure leaves a retry record in the store and is retried after a back-off on the
 * runtime clock while the target's RetryPolicy allows (retries and event age); then, or at once for a non-retryable
 * failure, the event goes to the target's DeadLetterConfig queue with EventBridge's message attributes, or is
 * dropped when the target has none. Retry records are committed soon after they change, so a restart resumes them
 * (an attempt not yet committed is made again).
 */
final class TargetDelivery {

    private final EventBridgeState state;
    private final Executor executor;
    private final TargetInvokers invokers;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    TargetDelivery(EventBridgeState state, Executor executor, TargetInvokers invokers) {
        this.state = state;
        this.executor = executor;
        this.invokers = invokers;
    }

    /** Resumes the retries of a previous run: those due now at once, the others at their due time. */
    void recover() {
        Instant now = state.clock.now();
        for (String id : List.copyOf(state.store.deliveries.keySet())) {
            state.store.read(state.store.deliveries, id, Records.Delivery.class).ifPresent(delivery -> {
                Instant due = Instant.ofEpochMilli(delivery.dueMillis());
                if (due.isAfter(now)) {
                    retryAt(id, due);
                } else {
                    executor.execute(() -> retry(id));
                }
            });
        }
    }

    /** Attempts a recorded delivery again, unless another thread is attempting it. */
    private void retry(String id) {
        if (!inFlight.add(id)) {
            return;
        }
        try {
            state.store.read(state.store.deliveries, id, Records.Delivery.class)
                    .ifPresent(delivery -> attempt(delivery, EventJson.parse(delivery.target())));
            state.store.commitSoon();
        } finally {
            inFlight.remove(id);
        }
    }

    /**
     * Attempts one delivery to {@code target} (the dispatcher's first attempts have no record and no id yet); a
     * failure is recorded for a retry or sent to the dead-letter queue.
     */
    void attempt(Records.Delivery delivery, JsonNode target) {
        String targetArn = target.get("Arn").asText();
        try {
            invokers.forArn(targetArn).invoke(new EventTargetRequest(targetArn, delivery.input(),
                    delivery.ruleArn(), Map.of(), target.path("SqsParameters").path("MessageGroupId").asText(null)));
            forget(delivery);
        } catch (EventTargetException failure) {
            failed(delivery, target, failure);
        } catch (RuntimeException unexpected) {
            // A target service's bug must not end the delivery: it is retried like a failure of that service.
            failed(delivery, target, new EventTargetException("INTERNAL_ERROR", String.valueOf(unexpected), true));
        }
    }

    /** Drops the retry record of a delivery that ended (a first attempt has none). */
    private void forget(Records.Delivery delivery) {
        if (delivery.id() != null) {
            state.store.atomically(() -> state.store.deliveries.remove(delivery.id()));
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
        Records.Delivery recorded = delivery.failed(due.toEpochMilli(), failure.errorCode(), failure.getMessage());
        state.store.atomically(() -> state.store.write(state.store.deliveries, recorded.id(), recorded));
        retryAt(recorded.id(), due);
    }

    private void retryAt(String id, Instant due) {
        state.clock.schedule(due, () -> executor.execute(() -> retry(id)));
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
        forget(delivery);
    }
}
