package io.nagare.platform.envelope;

/**
 * An event cannot be mapped between CloudEvents and EventBridge. The message names the event (its id when it has
 * one), the attribute or member concerned, and what is accepted instead; features the mapping does not cover start
 * with {@code not supported:}.
 */
public class EnvelopeException extends RuntimeException {

    public EnvelopeException(String message) {
        super(message);
    }

    public EnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
