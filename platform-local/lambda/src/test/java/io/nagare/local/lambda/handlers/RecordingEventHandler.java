package io.nagare.local.lambda.handlers;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/** Hands every EventBridge event it is given to {@link #EVENTS}, where a test waits for it. */
public class RecordingEventHandler implements RequestHandler<ScheduledEvent, Void> {

    public static final BlockingQueue<ScheduledEvent> EVENTS = new LinkedBlockingQueue<>();

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        EVENTS.add(event);
        return null;
    }
}
