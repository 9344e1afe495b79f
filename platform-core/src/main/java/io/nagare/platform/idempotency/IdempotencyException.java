package io.nagare.platform.idempotency;

/** The idempotency store failed, or a stored result cannot be read back as the requested type. */
public class IdempotencyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyException(String message, Throwable cause) {
        super(message, cause);
    }

    public IdempotencyException(String message) {
        super(message);
    }
}
