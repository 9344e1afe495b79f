package io.nagare.platform.circuitbreaker;

/** A circuit breaker's state. */
public enum CircuitState {
    /** Calls go through; failures are counted within a window. */
    CLOSED,
    /** Calls fail fast with {@link CircuitOpenException} until the open duration has passed. */
    OPEN,
    /** The open duration has passed: one probe call at a time decides whether to close or open again. */
    HALF_OPEN
}
