package io.nagare.platform.circuitbreaker;

import java.time.Instant;

/**
 * The circuit is open (or half-open with its probe already running): the call was not made. A Java Lambda reports it
 * with the class's full name as {@code errorType}, so a saga catches it with
 * {@code "ErrorEquals": ["io.nagare.platform.circuitbreaker.CircuitOpenException"]} ({@link #ERROR_TYPE}) and
 * compensates without waiting for the dependency.
 */
public class CircuitOpenException extends RuntimeException {

    /** The error name a Step Functions Catch or Retry matches. */
    public static final String ERROR_TYPE = "io.nagare.platform.circuitbreaker.CircuitOpenException";

    private static final long serialVersionUID = 1L;

    private final String circuit;
    private final CircuitState state;
    private final Instant retryAfter;

    public CircuitOpenException(String circuit, CircuitState state, Instant retryAfter) {
        super("circuit '" + circuit + "' is " + state + (state == CircuitState.OPEN ? " until " : "; its probe ends by ")
                + retryAfter + ": call not made");
        this.circuit = circuit;
        this.state = state;
        this.retryAfter = retryAfter;
    }

    public String circuit() {
        return circuit;
    }

    public CircuitState state() {
        return state;
    }

    /** When a call may go through again at the earliest. */
    public Instant retryAfter() {
        return retryAfter;
    }
}
