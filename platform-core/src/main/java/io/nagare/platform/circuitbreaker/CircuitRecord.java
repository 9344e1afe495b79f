package io.nagare.platform.circuitbreaker;

import java.time.Instant;
import java.util.Objects;

/**
 * A circuit breaker's shared state as stored, with the version that makes every change a compare-and-set.
 *
 * @param name        the breaker's name (e.g. {@code payment-provider})
 * @param state       as written; {@link #effectiveState(Instant)} is what callers see
 * @param failures    failures counted in the current window (CLOSED)
 * @param windowStart when the current failure window began (CLOSED)
 * @param openUntil   until when an OPEN breaker fails fast
 * @param probeUntil  until when the current half-open probe holds its lease (HALF_OPEN); a crashed probe's lease lapses
 * @param changedAt   when the state last changed
 * @param version     incremented by every write; 0 for a breaker never written
 */
public record CircuitRecord(String name, CircuitState state, int failures, Instant windowStart, Instant openUntil,
                            Instant probeUntil, Instant changedAt, long version) {

    public CircuitRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(openUntil, "openUntil");
        Objects.requireNonNull(probeUntil, "probeUntil");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** A closed breaker never written. */
    public static CircuitRecord initial(String name, Instant now) {
        return new CircuitRecord(name, CircuitState.CLOSED, 0, now, Instant.EPOCH, Instant.EPOCH, now, 0);
    }

    /** The state a caller sees at {@code now}: an OPEN breaker past its open duration is HALF_OPEN. */
    public CircuitState effectiveState(Instant now) {
        return state == CircuitState.OPEN && !openUntil.isAfter(now) ? CircuitState.HALF_OPEN : state;
    }

    /** Whether a half-open probe is running at {@code now}. */
    public boolean probing(Instant now) {
        return state == CircuitState.HALF_OPEN && probeUntil.isAfter(now);
    }

    CircuitRecord next(CircuitState state, int failures, Instant windowStart, Instant openUntil, Instant probeUntil,
                       Instant changedAt) {
        return new CircuitRecord(name, state, failures, windowStart, openUntil, probeUntil, changedAt, version + 1);
    }
}
