package io.nagare.api.events;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request the API refuses: the status and the JSON body that says why. */
final class ApiProblem extends RuntimeException {

    private final int status;
    private final ObjectNode body;
    private final Map<String, String> headers;

    ApiProblem(int status, ObjectNode body) {
        this(status, body, Map.of());
    }

    ApiProblem(int status, ObjectNode body, Map<String, String> headers) {
        super(body.path("message").asText(), null, false, false);
        this.status = status;
        this.body = body;
        this.headers = Map.copyOf(headers);
    }

    static ApiProblem of(int status, String message) {
        return new ApiProblem(status, Json.object().put("message", message));
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }
}
