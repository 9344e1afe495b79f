package io.nagare.local.lambda.handlers;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Fails every invocation unless {@link #succeed} is set; counts its invocations. */
public class FailingHandler implements RequestHandler<Map<String, Object>, String> {

    public static final AtomicInteger INVOCATIONS = new AtomicInteger();
    public static volatile boolean succeed;

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        INVOCATIONS.incrementAndGet();
        if (succeed) {
            return "ok";
        }
        return decline(event);
    }

    private String decline(Map<String, Object> event) {
        throw new IllegalStateException("payment declined for " + event.get("orderId"));
    }
}
