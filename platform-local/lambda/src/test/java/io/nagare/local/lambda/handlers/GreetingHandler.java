package io.nagare.local.lambda.handlers;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A POJO handler: reads a {@link Greeting}, answers a map, logs through the context's logger. */
public class GreetingHandler implements RequestHandler<Greeting, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Greeting greeting, Context context) {
        context.getLogger().log("greeting " + greeting.getName() + "\n");
        return Map.of("message", ("hello " + greeting.getName() + " ").repeat(greeting.getTimes()).trim(),
                "requestId", context.getAwsRequestId());
    }
}
