package io.nagare.local.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Answers with the event it was given, as the response body, so a test sees what API Gateway passed. */
public final class EchoHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ObjectNode response = JSON.createObjectNode().put("statusCode", 200);
        response.putObject("headers").put("content-type", "application/json").put("x-echo", "yes");
        response.putArray("cookies").add("session=abc; Path=/");
        response.put("body", new String(input.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        JSON.writeValue(output, response);
    }
}
