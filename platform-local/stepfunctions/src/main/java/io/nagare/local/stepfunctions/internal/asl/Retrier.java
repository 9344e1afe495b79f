package io.nagare.local.stepfunctions.internal.asl;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One Retry rule: which errors, how many attempts and how long to wait before each
 * ({@code IntervalSeconds * BackoffRate^n}, capped by {@code MaxDelaySeconds}, randomised by {@code JitterStrategy FULL}).
 */
public final class Retrier {

    private final ErrorEquals errorEquals;
    private final int intervalSeconds;
    private final int maxAttempts;
    private final BigDecimal backoffRate;
    private final Integer maxDelaySeconds;
    private final boolean fullJitter;

    Retrier(ErrorEquals errorEquals, int intervalSeconds, int maxAttempts, BigDecimal backoffRate,
            Integer maxDelaySeconds, boolean fullJitter) {
        this.errorEquals = errorEquals;
        this.intervalSeconds = intervalSeconds;
        this.maxAttempts = maxAttempts;
        this.backoffRate = backoffRate;
        this.maxDelaySeconds = maxDelaySeconds;
        this.fullJitter = fullJitter;
    }

    boolean matches(String error) {
        return errorEquals.matches(error);
    }

    /** Whether another attempt is allowed after {@code retriesSoFar} retries by this rule. */
    public boolean allows(int retriesSoFar) {
        return retriesSoFar < maxAttempts;
    }

    /** The wait before retry number {@code retriesSoFar + 1}. */
    public Duration delay(int retriesSoFar) {
        double seconds = intervalSeconds * Math.pow(backoffRate.doubleValue(), retriesSoFar);
        if (maxDelaySeconds != null) {
            seconds = Math.min(seconds, maxDelaySeconds);
        }
        if (fullJitter) {
            seconds = ThreadLocalRandom.current().nextDouble() * seconds;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
