package io.nagare.local.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One HTTP answer of the gateway; a header name may repeat ({@code set-cookie}). */
record GatewayResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    GatewayResponse {
        headers = List.copyOf(headers);
    }

    static GatewayResponse json(int status, String json) {
        return new GatewayResponse(status, List.of(Map.entry("content-type", "application/json")),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** API Gateway's own answers: {@code {"message": "..."}}. */
    static GatewayResponse message(int status, String message) {
        return json(status, "{\"message\":\"" + message + "\"}");
    }

    GatewayResponse withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new GatewayResponse(status, more, body);
    }
}
