package io.nagare.local.lambda.handlers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/** Answers 7 MB, more than a synchronous response may carry. */
public class LargeResponseHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] chunk = new byte[1024 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        output.write('"');
        for (int i = 0; i < 7; i++) {
            output.write(chunk);
        }
        output.write('"');
    }
}
