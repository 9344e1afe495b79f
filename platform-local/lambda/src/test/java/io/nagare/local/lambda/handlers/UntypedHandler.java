package io.nagare.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Implements RequestHandler raw, which the Java runtime refuses: it cannot know the event type. */
@SuppressWarnings("rawtypes")
public class UntypedHandler implements RequestHandler {

    @Override
    public Object handleRequest(Object input, Context context) {
        return input;
    }
}
