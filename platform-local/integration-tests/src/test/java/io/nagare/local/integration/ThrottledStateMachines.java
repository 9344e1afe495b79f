package io.nagare.local.integration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.targets.EventTargetException;
import io.nagare.local.runtime.targets.EventTargetInvoker;
import io.nagare.local.runtime.targets.EventTargetRequest;

/**
 * State machine targets whose StartExecution is always throttled, the retryable failure EventBridge retries under a
 * target's RetryPolicy. Records every attempt. It serves no API of its own.
 */
final class ThrottledStateMachines implements LocalService, EventTargetInvoker.StepFunctions {

    static final String ERROR_CODE = "ThrottlingException";
    static final String ERROR_MESSAGE = "Rate exceeded";

    final List<EventTargetRequest> attempts = new CopyOnWriteArrayList<>();

    @Override
    public void invoke(EventTargetRequest request) {
        attempts.add(request);
        throw new EventTargetException(ERROR_CODE, ERROR_MESSAGE, true);
    }

    @Override
    public String name() {
        return "throttled-state-machines";
    }

    @Override
    public boolean handles(LocalRequest request) {
        return false;
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        throw new UnsupportedOperationException("serves no requests");
    }
}
