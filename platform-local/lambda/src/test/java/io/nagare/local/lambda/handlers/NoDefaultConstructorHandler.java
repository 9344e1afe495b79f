package io.nagare.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Has only a constructor taking its collaborators, so the runtime cannot create it. */
public class NoDefaultConstructorHandler implements RequestHandler<Object, String> {

    private final String table;

    public NoDefaultConstructorHandler(String table) {
        this.table = table;
    }

    @Override
    public String handleRequest(Object input, Context context) {
        return table;
    }
}
