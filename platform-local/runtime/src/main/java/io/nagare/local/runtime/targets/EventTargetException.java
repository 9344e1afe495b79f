package io.nagare.local.runtime.targets;

import io.nagare.local.runtime.targets.EventTargetException;

/**
 * A target refused or failed a delivery. Retryable failures (throttling, a function error, the target service
 * unavailable) are retried under the RetryPolicy; others (the resource does not exist, no permission) go to the
 * dead-letter queue at once, as EventBridge does.
 */
public class EventTargetException extends RuntimeException {

    private final String errorCode;
    private final boolean retryable;

    public EventTargetException(String errorCode, String message, boolean retryable) {
        super(message, null, false, false);
        this.errorCode = errorCode;
        this.retryable = retryable;
    }

    /** The code written to the dead-letter message's ERROR_CODE attribute. */
    public String errorCode() {
        return errorCode;
    }

    public boolean retryable() {
        return retryable;
    }
}
