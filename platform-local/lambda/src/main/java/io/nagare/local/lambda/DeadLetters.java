package io.nagare.local.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import io.nagare.local.runtime.RuntimeContext;
import io.nagare.local.runtime.targets.EventTargetException;
import io.nagare.local.runtime.targets.EventTargetInvoker;
import io.nagare.local.runtime.targets.EventTargetRequest;

/**
 * Sends an asynchronous invocation that still fails after its retries to the function's dead-letter queue, as
 * Lambda does: the event as the message body, with the attributes {@code RequestID}, {@code ErrorCode} (the HTTP
 * status of the invocation, 200 for a function error) and {@code ErrorMessage} (its first 1 KB).
 */
final class DeadLetters {

    private static final int MAX_ERROR_MESSAGE_BYTES = 1024;

    /** What became of a dead letter. */
    enum Outcome {
        /** The queue accepted it. */
        SENT,
        /** It cannot be sent (no queue declared, no SQS service, the queue refused it): Lambda drops it too. */
        DROPPED,
        /** SQS failed for now; try again later. */
        RETRY
    }

    private final RuntimeContext context;
    private final Arns arns;

    DeadLetters(RuntimeContext context, Arns arns) {
        this.context = context;
        this.arns = arns;
    }

    Outcome send(DeployedFunction function, String requestId, String event, int errorCode, String errorMessage) {
        String queue = function.declaration().deadLetterQueue();
        if (queue == null) {
            return dropped(function, requestId, "the function has no dead-letter queue", errorMessage);
        }
        Optional<EventTargetInvoker.Sqs> sqs = context.service(EventTargetInvoker.Sqs.class);
        if (sqs.isEmpty()) {
            return dropped(function, requestId, "no local SQS service delivers to its dead-letter queue " + queue,
                    errorMessage);
        }
        Map<String, String> attributes = Map.of("RequestID", requestId, "ErrorCode", Integer.toString(errorCode),
                "ErrorMessage", firstKilobyte(errorMessage));
        try {
            sqs.get().invoke(new EventTargetRequest(arns.queue(queue), event, null, attributes, null));
            return Outcome.SENT;
        } catch (EventTargetException e) {
            if (e.retryable()) {
                return Outcome.RETRY;
            }
            return dropped(function, requestId, "its dead-letter queue " + queue + " refused it: " + e.getMessage(),
                    errorMessage);
        }
    }

    private static Outcome dropped(DeployedFunction function, String requestId, String why, String errorMessage) {
        System.err.println("nagare: lambda: dropped asynchronous invocation " + requestId + " of " + function.name()
                + " after its retries (" + errorMessage + "): " + why);
        return Outcome.DROPPED;
    }

    private static String firstKilobyte(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_ERROR_MESSAGE_BYTES) {
            return text;
        }
        String cut = new String(Arrays.copyOf(bytes, MAX_ERROR_MESSAGE_BYTES), StandardCharsets.UTF_8);
        return cut.endsWith("\uFFFD") ? cut.substring(0, cut.length() - 1) : cut;
    }
}
