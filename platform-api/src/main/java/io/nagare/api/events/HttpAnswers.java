package io.nagare.api.events;

import java.util.Map;
import java.util.TreeMap;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Format 2.0 responses with a JSON body. */
final class HttpAnswers {

    private HttpAnswers() {
    }

    static APIGatewayV2HTTPResponse json(int status, JsonNode body, Map<String, String> headers) {
        Map<String, String> all = new TreeMap<>(headers);
        all.put("content-type", "application/json");
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(all)
                    .withBody(Json.mapper().writeValueAsString(body)).withIsBase64Encoded(false).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
