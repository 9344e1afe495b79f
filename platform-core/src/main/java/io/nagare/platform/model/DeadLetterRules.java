package io.nagare.platform.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nothing asynchronous fails silently: every asynchronous delivery ends in a dead-letter queue when it cannot
 * succeed, every queue either has a dead-letter queue or is one, and each dead-letter queue is of a kind the
 * service that fills it accepts.
 */
final class DeadLetterRules {

    private DeadLetterRules() {
    }

    static void check(PlatformModel model, Problems problems) {
        Map<String, List<String>> asyncInvokers = new LinkedHashMap<>();
        for (SubscriptionDeclaration s : model.subscriptions()) {
            Reference target = s.target();
            if (target.kind() == Reference.Kind.FUNCTION) {
                asyncInvokers.computeIfAbsent(target.name(), f -> new ArrayList<>()).add(s.name());
            }
            if (s.deadLetterQueue() == null) {
                if (target.kind() != Reference.Kind.BUS && target.kind() != Reference.Kind.TABLE) {
                    problems.add(SubscriptionDeclaration.KIND, s.name(), "deadLetterQueue", "is required: EventBridge"
                            + " delivers to " + target + " asynchronously and drops an event it still cannot deliver"
                            + " when the retry policy ends; name a queue declared asDeadLetterQueue()");
                }
            } else {
                deadLetterQueue(model, SubscriptionDeclaration.KIND, s.name(), s.deadLetterQueue(), problems)
                        .filter(QueueDeclaration::fifo)
                        .ifPresent(q -> problems.add(SubscriptionDeclaration.KIND, s.name(), "deadLetterQueue",
                                "queue '" + q.name() + "' is FIFO; EventBridge dead-letter queues are standard"
                                        + " queues (\"SQS FIFO is not supported by Dead Letter Queues\")"));
            }
        }

        for (FunctionDeclaration f : model.functions()) {
            List<String> invokers = asyncInvokers.get(f.name());
            if (f.deadLetterQueue() == null) {
                if (invokers != null) {
                    problems.add(FunctionDeclaration.KIND, f.name(), "deadLetterQueue", "is required: subscription"
                            + (invokers.size() == 1 ? " '" + invokers.get(0) + "' invokes" : "s " + invokers
                            + " invoke") + " it asynchronously, and Lambda drops an invocation that still fails after"
                            + " asyncRetryAttempts (" + f.asyncRetryAttempts() + "); the subscription's own"
                            + " dead-letter queue only receives events Lambda did not accept");
                }
            } else {
                deadLetterQueue(model, FunctionDeclaration.KIND, f.name(), f.deadLetterQueue(), problems)
                        .filter(QueueDeclaration::fifo)
                        .ifPresent(q -> problems.add(FunctionDeclaration.KIND, f.name(), "deadLetterQueue", "queue '"
                                + q.name() + "' is FIFO; Lambda sends failed asynchronous invocations to standard"
                                + " queues only"));
            }
            for (FunctionDeclaration.QueueSource source : f.queueSources()) {
                model.queue(source.queue())
                        .filter(q -> q.isDeadLetterQueue() && q.deadLetterQueue() == null)
                        .ifPresent(q -> problems.add(FunctionDeclaration.KIND, f.name(), "consumes", "dead-letter"
                                + " queue '" + q.name() + "', which has no dead-letter queue of its own: a message"
                                + " the function keeps failing on would come back until its retention ends; give"
                                + " queue '" + q.name() + "' a deadLetterQueue(...)"));
            }
        }

        for (QueueDeclaration q : model.queues()) {
            if (q.deadLetterQueue() == null) {
                if (!q.isDeadLetterQueue()) {
                    problems.add(QueueDeclaration.KIND, q.name(), "deadLetterQueue", "is required, or declare the"
                            + " queue asDeadLetterQueue(): every queue moves a message that keeps failing to a"
                            + " dead-letter queue after maxReceiveCount receives, or is one");
                }
                continue;
            }
            if (q.deadLetterQueue().equals(q.name())) {
                problems.add(QueueDeclaration.KIND, q.name(), "deadLetterQueue", "is the queue itself");
                continue;
            }
            deadLetterQueue(model, QueueDeclaration.KIND, q.name(), q.deadLetterQueue(), problems)
                    .filter(dlq -> dlq.fifo() != q.fifo())
                    .ifPresent(dlq -> problems.add(QueueDeclaration.KIND, q.name(), "deadLetterQueue", "queue '"
                            + dlq.name() + "' is " + (dlq.fifo() ? "FIFO" : "standard") + "; SQS needs the"
                            + " dead-letter queue of a " + (q.fifo() ? "FIFO" : "standard") + " queue to be "
                            + (q.fifo() ? "FIFO" : "standard") + " too"));
        }
    }

    /** The declared queue, after checking it is declared as a dead-letter queue; empty when not declared. */
    private static Optional<QueueDeclaration> deadLetterQueue(PlatformModel model, String kind, String name,
            String queue, Problems problems) {
        Optional<QueueDeclaration> declared = model.queue(queue);
        declared.filter(q -> !q.isDeadLetterQueue()).ifPresent(q -> problems.add(kind, name, "deadLetterQueue",
                "queue '" + q.name() + "' is not declared asDeadLetterQueue(); declare it so, and the platform keeps"
                        + " and watches it as one"));
        return declared;
    }
}
