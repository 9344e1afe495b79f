package io.nagare.local.lambda;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.runtime.LocalResponse;

/** Responses in Lambda's REST-JSON protocol: JSON bodies, and errors named by {@code X-Amzn-ErrorType}. */
final class LambdaResponses {

    static final String JSON = "application/json";

    private LambdaResponses() {
    }

    static LocalResponse json(int status, JsonNode body) {
        return LocalResponse.of(status, JSON, Jsons.bytes(body)).withHeader("x-amzn-RequestId", requestId());
    }

    /**
     * The error as Lambda answers it: {@code {"Type": "User", "message": ...}} ({@code Message} for the errors whose
     * shape spells it so), plus {@code Reason} for throttling.
     */
    static LocalResponse error(AwsServiceException error) {
        ObjectNode body = Jsons.MAPPER.createObjectNode();
        body.put("Type", error.httpStatus() >= 500 ? "Service" : "User");
        boolean capitalised = error.errorCode().equals("ResourceNotFoundException")
                || error.errorCode().equals("ServiceException");
        body.put(capitalised ? "Message" : "message", error.getMessage());
        if (error instanceof LambdaApiException lambda && lambda.reason() != null) {
            body.put("Reason", lambda.reason());
        }
        return new LocalResponse(error.httpStatus(), Map.of("Content-Type", JSON,
                "X-Amzn-ErrorType", error.errorCode(), "x-amzn-RequestId", requestId()), Jsons.bytes(body));
    }

    static String requestId() {
        return UUID.randomUUID().toString();
    }
}
