package io.nagare.platform.circuitbreaker;

/** The circuit breaker's store failed, or its state kept changing under it. */
public class CircuitBreakerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CircuitBreakerException(String message, Throwable cause) {
        super(message, cause);
    }

    public CircuitBreakerException(String message) {
        super(message);
    }
}
