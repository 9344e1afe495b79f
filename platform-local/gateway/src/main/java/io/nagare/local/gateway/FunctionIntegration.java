package io.nagare.local.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.RuntimeContext;

/**
 * The Lambda proxy integration: invokes the function through the runtime's Lambda service in-process (the Invoke
 * API, {@code RequestResponse}, so the function runs exactly as Lambda runs it) and maps its answer as API Gateway
 * does for format 2.0: an object with {@code statusCode} gives the status, {@code headers},
 * {@code multiValueHeaders} (comma-joined), {@code cookies} ({@code set-cookie} each), {@code body} and
 * {@code isBase64Encoded}; any other JSON is a 200 {@code application/json} body as it is. A function error, or a
 * refused invocation, is 500 {@code {"message":"Internal Server Error"}}.
 */
final class FunctionIntegration {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuntimeContext runtime;

    FunctionIntegration(RuntimeContext runtime) {
        this.runtime = runtime;
    }

    GatewayResponse invoke(String function, ObjectNode event) {
        LocalResponse response;
        try {
            response = runtime.call(new LocalRequest("POST", "/2015-03-31/functions/" + function + "/invocations",
                    Map.of(), Map.of("Content-Type", "application/json", "X-Amz-Invocation-Type", "RequestResponse"),
                    JSON.writeValueAsBytes(event)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        String functionError = header(response, "X-Amz-Function-Error");
        if (response.status() != 200 || functionError != null) {
            System.err.println("nagare gateway: function '" + function + "' failed (" + response.status()
                    + (functionError == null ? "" : ", " + functionError) + "): "
                    + new String(response.body(), StandardCharsets.UTF_8));
            return GatewayResponse.message(500, "Internal Server Error");
        }
        return map(response.body());
    }

    static GatewayResponse map(byte[] payload) {
        JsonNode output;
        try {
            output = JSON.readTree(payload);
        } catch (java.io.IOException e) {
            return GatewayResponse.message(500, "Internal Server Error");
        }
        if (output == null || !output.isObject() || !output.has("statusCode")) {
            return new GatewayResponse(200, List.of(Map.entry("content-type", "application/json")), payload);
        }
        if (!output.get("statusCode").canConvertToInt()) {
            return GatewayResponse.message(500, "Internal Server Error");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        output.path("headers").fields().forEachRemaining(h -> headers.add(Map.entry(h.getKey(), h.getValue().asText())));
        output.path("multiValueHeaders").fields().forEachRemaining(h -> {
            List<String> values = new ArrayList<>();
            h.getValue().forEach(v -> values.add(v.asText()));
            headers.add(Map.entry(h.getKey(), String.join(",", values)));
        });
        output.path("cookies").forEach(cookie -> headers.add(Map.entry("set-cookie", cookie.asText())));
        JsonNode body = output.get("body");
        byte[] bytes;
        if (body == null || body.isNull()) {
            bytes = new byte[0];
        } else if (output.path("isBase64Encoded").asBoolean(false)) {
            try {
                bytes = Base64.getDecoder().decode(body.asText());
            } catch (IllegalArgumentException e) {
                return GatewayResponse.message(500, "Internal Server Error");
            }
        } else {
            bytes = (body.isTextual() ? body.asText() : body.toString()).getBytes(StandardCharsets.UTF_8);
        }
        return new GatewayResponse(output.get("statusCode").asInt(), headers, bytes);
    }

    private static String header(LocalResponse response, String name) {
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
