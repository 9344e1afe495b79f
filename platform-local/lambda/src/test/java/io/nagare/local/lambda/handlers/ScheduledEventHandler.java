package io.nagare.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/** Takes EventBridge's event as the events library's {@link ScheduledEvent} (joda-time and all). */
public class ScheduledEventHandler implements RequestHandler<ScheduledEvent, String> {

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        return event.getDetailType() + " from " + event.getSource() + " at " + event.getTime().getMillis()
                + " for order " + event.getDetail().get("orderId") + " in " + event.getRegion();
    }
}
