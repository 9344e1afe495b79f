package io.nagare.local.eventbridge;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A target's RetryPolicy (defaults: 185 retries within 24 hours) and the back-off between attempts: exponential
 * from one second, capped at five minutes. AWS adds jitter; none here, so tests on a manual clock are exact.
 */
record RetryPolicy(int maximumRetryAttempts, Duration maximumEventAge) {

    static final int DEFAULT_RETRY_ATTEMPTS = 185;
    static final Duration DEFAULT_EVENT_AGE = Duration.ofDays(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    static RetryPolicy of(JsonNode target) {
        JsonNode policy = target.path("RetryPolicy");
        int attempts = policy.hasNonNull("MaximumRetryAttempts")
                ? policy.get("MaximumRetryAttempts").asInt() : DEFAULT_RETRY_ATTEMPTS;
        Duration age = policy.hasNonNull("MaximumEventAgeInSeconds")
                ? Duration.ofSeconds(policy.get("MaximumEventAgeInSeconds").asLong()) : DEFAULT_EVENT_AGE;
        return new RetryPolicy(attempts, age);
    }

    /** Validates a PutTargets RetryPolicy with AWS's protocol constraints. */
    static void validate(JsonNode policy, int targetIndex) {
        String where = "targets." + targetIndex + ".member.retryPolicy.";
        if (policy.hasNonNull("MaximumRetryAttempts")) {
            range(policy.get("MaximumRetryAttempts").asLong(), 0, 185, where + "maximumRetryAttempts");
        }
        if (policy.hasNonNull("MaximumEventAgeInSeconds")) {
            range(policy.get("MaximumEventAgeInSeconds").asLong(), 60, 86400, where + "maximumEventAgeInSeconds");
        }
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    static Duration backoff(int retry) {
        Duration delay = Duration.ofSeconds(1L << Math.min(retry - 1, 20));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private static void range(long value, long min, long max, String where) {
        if (value < min) {
            throw Params.validation("Value '" + value + "' at '" + where + "' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw Params.validation("Value '" + value + "' at '" + where + "' failed to satisfy constraint: "
                    + "Member must have value less than or equal to " + max);
        }
    }
}
