package io.nagare.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A handler whose construction fails, as one whose client factory finds no configuration would. */
public class BrokenConstructorHandler implements RequestHandler<Object, String> {

    public BrokenConstructorHandler() {
        throw new IllegalStateException("NAGARE_TABLE_ORDERS is not configured");
    }

    @Override
    public String handleRequest(Object input, Context context) {
        return "unreachable";
    }
}
