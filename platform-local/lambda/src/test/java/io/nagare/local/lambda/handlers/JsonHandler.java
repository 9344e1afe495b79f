package io.nagare.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A generic base handler, as a platform library might offer: subclasses bind the event type. */
public abstract class JsonHandler<E> implements RequestHandler<E, String> {

    @Override
    public String handleRequest(E event, Context context) {
        return describe(event);
    }

    protected abstract String describe(E event);
}
