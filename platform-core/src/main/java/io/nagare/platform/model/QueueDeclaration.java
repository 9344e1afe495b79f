package io.nagare.platform.model;

/**
 * An SQS queue: a work queue with a dead-letter queue, or a dead-letter queue itself. Every queue is one or the
 * other, so no message is ever dropped silently and every DLQ is known (the CDK app alarms on each one's depth).
 *
 * @param name                     the queue name; a FIFO queue's ends with {@code .fifo}
 * @param owner                    the bounded context that owns it
 * @param fifo                     whether it is a FIFO queue (default false)
 * @param visibilityTimeoutSeconds 0-43200 (default 30, as SQS); at least the timeout of a function consuming it
 * @param retentionSeconds         60-1209600 (default 4 days, as SQS; 14 days, the most, for a dead-letter queue so
 *                                 operators have time to redrive)
 * @param deadLetterQueue          where a message goes after {@code maxReceiveCount} receives; null for a
 *                                 dead-letter queue
 * @param maxReceiveCount          1-1000 (default 5)
 * @param isDeadLetterQueue        whether this queue is a dead-letter queue
 */
public record QueueDeclaration(String name, String owner, boolean fifo, int visibilityTimeoutSeconds,
                               int retentionSeconds, String deadLetterQueue, int maxReceiveCount,
                               boolean isDeadLetterQueue) {

    static final String KIND = "queue";
    static final int DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;
    static final int DEFAULT_RETENTION_SECONDS = 4 * 24 * 3600;
    static final int DEFAULT_DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 3600;
    static final int DEFAULT_MAX_RECEIVE_COUNT = 5;

    public QueueDeclaration {
        Declarations.requireName(KIND, name);
        Declarations.require(KIND, name, "owner", owner);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(name).owner(owner).visibilityTimeoutSeconds(visibilityTimeoutSeconds)
                .retentionSeconds(retentionSeconds).deadLetterQueue(deadLetterQueue).maxReceiveCount(maxReceiveCount);
        builder.fifo = fifo;
        builder.isDeadLetterQueue = isDeadLetterQueue;
        return builder;
    }

    public Reference reference() {
        return Reference.queue(name);
    }

    /** Builds a {@link QueueDeclaration}; see the record for each field's default. */
    public static final class Builder {
        private final String name;
        private String owner;
        private boolean fifo;
        private int visibilityTimeoutSeconds = DEFAULT_VISIBILITY_TIMEOUT_SECONDS;
        private Integer retentionSeconds;
        private String deadLetterQueue;
        private int maxReceiveCount = DEFAULT_MAX_RECEIVE_COUNT;
        private boolean isDeadLetterQueue;

        private Builder(String name) {
            this.name = name;
        }

        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        public Builder fifo() {
            this.fifo = true;
            return this;
        }

        public Builder visibilityTimeoutSeconds(int seconds) {
            this.visibilityTimeoutSeconds = seconds;
            return this;
        }

        public Builder retentionSeconds(int seconds) {
            this.retentionSeconds = seconds;
            return this;
        }

        /** Messages received {@code maxReceiveCount} times without being deleted move to {@code queue}. */
        public Builder deadLetterQueue(String queue) {
            this.deadLetterQueue = queue;
            return this;
        }

        public Builder maxReceiveCount(int count) {
            this.maxReceiveCount = count;
            return this;
        }

        /** This queue is a dead-letter queue: of other queues, of subscriptions, of functions. */
        public Builder asDeadLetterQueue() {
            this.isDeadLetterQueue = true;
            return this;
        }

        public QueueDeclaration build() {
            int retention = retentionSeconds != null ? retentionSeconds
                    : isDeadLetterQueue ? DEFAULT_DEAD_LETTER_RETENTION_SECONDS : DEFAULT_RETENTION_SECONDS;
            return new QueueDeclaration(name, owner, fifo, visibilityTimeoutSeconds, retention, deadLetterQueue,
                    maxReceiveCount, isDeadLetterQueue);
        }
    }
}
