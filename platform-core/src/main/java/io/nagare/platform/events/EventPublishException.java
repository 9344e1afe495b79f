package io.nagare.platform.events;

/** An event could not be published: it does not match its schema, or EventBridge refused it. */
public final class EventPublishException extends RuntimeException {

    public EventPublishException(String message) {
        super(message);
    }
}
