package io.nagare.platform.model;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An EventBridge rule with one target: events on {@code bus} that match {@code pattern} go to {@code target}.
 *
 * @param name             the rule name
 * @param owner            the bounded context that owns it
 * @param bus              the bus the rule listens on
 * @param pattern          the EventBridge event pattern, JSON text
 * @param target           a function, saga, queue or bus
 * @param input            constant JSON sent instead of the event (EventBridge {@code Input}); null when unset
 * @param inputPath        JSONPath of the part of the event sent (EventBridge {@code InputPath}); null when unset
 * @param inputTransformer paths map and template (EventBridge {@code InputTransformer}); null when unset
 * @param retryPolicy      how long and how often EventBridge retries a failed delivery (default: its own defaults,
 *                         185 attempts within 24 hours)
 * @param deadLetterQueue  where EventBridge puts an event it could not deliver; required for function, saga and
 *                         queue targets
 * @param messageGroupId   the message group of a FIFO queue target (required for those, refused for others)
 */
public record SubscriptionDeclaration(String name, String owner, String bus, String pattern, Reference target,
                                      String input, String inputPath, InputTransformer inputTransformer,
                                      RetryPolicy retryPolicy, String deadLetterQueue, String messageGroupId) {

    static final String KIND = "subscription";

    /**
     * EventBridge's retry policy of a target.
     *
     * @param maximumRetryAttempts     0-185
     * @param maximumEventAgeSeconds   60-86400
     */
    public record RetryPolicy(int maximumRetryAttempts, int maximumEventAgeSeconds) {

        /** EventBridge's default: 185 attempts within 24 hours. */
        public static final RetryPolicy EVENTBRIDGE_DEFAULT = new RetryPolicy(185, 86_400);
    }

    /**
     * EventBridge's input transformer: {@code inputPathsMap} names parts of the event (JSONPath), the template uses
     * them as {@code <name>} (and EventBridge's own {@code <aws.events.*>} variables).
     */
    public record InputTransformer(Map<String, String> inputPathsMap, String inputTemplate) {

        public InputTransformer {
            inputPathsMap = Collections.unmodifiableMap(new TreeMap<>(inputPathsMap));
            if (inputTemplate == null) {
                throw new IllegalArgumentException("an input transformer needs a template");
            }
        }
    }

    public SubscriptionDeclaration {
        Declarations.requireName(KIND, name);
        Declarations.require(KIND, name, "owner", owner);
        Declarations.require(KIND, name, "bus", bus);
        Declarations.require(KIND, name, "pattern", pattern);
        Declarations.require(KIND, name, "target", target);
        Declarations.require(KIND, name, "retryPolicy", retryPolicy);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        return new Builder(name).owner(owner).bus(bus).pattern(pattern).target(target).input(input)
                .inputPath(inputPath).inputTransformer(inputTransformer).retryPolicy(retryPolicy)
                .deadLetterQueue(deadLetterQueue).messageGroupId(messageGroupId);
    }

    /**
     * The detail-types the pattern names exactly ({@code "detail-type": ["OrderPlaced", ...]}); empty when the
     * pattern does not name them, matches them by prefix or other operators, or is not valid JSON.
     */
    public Set<String> detailTypes() {
        return EventPatterns.exactValues(pattern, "detail-type");
    }

    /** Builds a {@link SubscriptionDeclaration}; see the record for each field's default. */
    public static final class Builder {
        private final String name;
        private String owner;
        private String bus;
        private String pattern;
        private Reference target;
        private String input;
        private String inputPath;
        private InputTransformer inputTransformer;
        private RetryPolicy retryPolicy = RetryPolicy.EVENTBRIDGE_DEFAULT;
        private String deadLetterQueue;
        private String messageGroupId;

        private Builder(String name) {
            this.name = name;
        }

        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        public Builder bus(String bus) {
            this.bus = bus;
            return this;
        }

        public Builder pattern(String pattern) {
            this.pattern = pattern;
            return this;
        }

        public Builder target(Reference target) {
            this.target = target;
            return this;
        }

        public Builder input(String constantJson) {
            this.input = constantJson;
            return this;
        }

        public Builder inputPath(String jsonPath) {
            this.inputPath = jsonPath;
            return this;
        }

        public Builder inputTransformer(InputTransformer transformer) {
            this.inputTransformer = transformer;
            return this;
        }

        public Builder inputTransformer(Map<String, String> inputPathsMap, String inputTemplate) {
            return inputTransformer(new InputTransformer(inputPathsMap, inputTemplate));
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        public Builder retryPolicy(int maximumRetryAttempts, int maximumEventAgeSeconds) {
            return retryPolicy(new RetryPolicy(maximumRetryAttempts, maximumEventAgeSeconds));
        }

        public Builder deadLetterQueue(String queue) {
            this.deadLetterQueue = queue;
            return this;
        }

        public Builder messageGroupId(String messageGroupId) {
            this.messageGroupId = messageGroupId;
            return this;
        }

        public SubscriptionDeclaration build() {
            return new SubscriptionDeclaration(name, owner, bus, pattern, target, input, inputPath,
                    inputTransformer, retryPolicy, deadLetterQueue, messageGroupId);
        }
    }
}
