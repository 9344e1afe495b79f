package io.nagare.local.runtime.targets;

/**
 * How a rule's target receives an event. The local service that owns a kind of target implements the nested
 * interface for its ARN service, and a caller (EventBridge rules, Lambda destinations) finds it with {@code RuntimeContext.service(...)} when it
 * delivers: SQS queues (targets and dead-letter queues) with {@link Sqs}, Lambda functions with {@link Lambda},
 * Step Functions state machines with {@link StepFunctions}. Event bus targets are delivered by EventBridge itself.
 *
 * <p>EventBridge calls {@link #invoke} from its delivery threads, at least once per matched event: a delivery
 * that throws is retried under the target's RetryPolicy and then sent to its DeadLetterConfig queue.
 */
public interface EventTargetInvoker {

    /**
     * Hands one input to the target named by {@code request.targetArn()}; returns once the target has accepted it
     * (a message stored, an asynchronous invocation queued, an execution started).
     *
     * @throws EventTargetException when the target refused or failed; its code and message reach the
     *                              dead-letter queue
     */
    void invoke(EventTargetRequest request);

    /** Delivers to {@code arn:aws:sqs:...} queues: the input is the message body. */
    interface Sqs extends EventTargetInvoker {
    }

    /** Delivers to {@code arn:aws:lambda:...} functions: an asynchronous ({@code Event}) invocation. */
    interface Lambda extends EventTargetInvoker {
    }

    /** Delivers to {@code arn:aws:states:...} state machines: StartExecution with the input. */
    interface StepFunctions extends EventTargetInvoker {
    }
}
