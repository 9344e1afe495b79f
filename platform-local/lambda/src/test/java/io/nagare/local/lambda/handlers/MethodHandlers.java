package io.nagare.local.lambda.handlers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;

/** Handlers named {@code Class::method}: a POJO method taking the context, and a static stream method. */
public class MethodHandlers {

    public String shout(Greeting greeting, Context context) {
        return greeting.getName().toUpperCase() + " via " + context.getFunctionName();
    }

    public static void copy(InputStream input, OutputStream output) throws IOException {
        input.transferTo(output);
    }
}
