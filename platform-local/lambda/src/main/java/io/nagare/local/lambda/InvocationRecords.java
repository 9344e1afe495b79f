package io.nagare.local.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lambda's invocation record of an asynchronous invocation, the document its on-success and on-failure destinations
 * receive: {@code version} "1.0", {@code timestamp}, {@code requestContext} (requestId, functionArn with
 * {@code :$LATEST}, condition, approximateInvokeCount), {@code requestPayload}, {@code responseContext} (statusCode,
 * executedVersion, functionError) and {@code responsePayload}. Payloads are embedded as JSON when they are JSON, as
 * a string otherwise.
 */
final class InvocationRecords {

    /** Why the record was sent, as {@code requestContext.condition} names it. */
    enum Condition {
        Success, RetriesExhausted, EventAgeExceeded
    }

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private InvocationRecords() {
    }

    /**
     * @param statusCode     the HTTP status of the last attempt: 200 once the function ran (also when it failed),
     *                       429 when it was only ever throttled
     * @param functionError  "Unhandled" when the last attempt failed in the function, else null
     * @param responsePayload what the last attempt returned (the error payload when it failed), or null
     */
    static ObjectNode record(String requestId, String functionArn, Condition condition, int invokeCount,
                             String requestPayload, int statusCode, String functionError, String responsePayload,
                             Instant now) {
        ObjectNode record = Jsons.MAPPER.createObjectNode();
        record.put("version", "1.0");
        record.put("timestamp", TIMESTAMP.format(now));
        record.putObject("requestContext").put("requestId", requestId)
                .put("functionArn", functionArn + ":" + DeployedFunction.VERSION)
                .put("condition", condition.name())
                .put("approximateInvokeCount", invokeCount);
        record.set("requestPayload", json(requestPayload));
        ObjectNode response = record.putObject("responseContext").put("statusCode", statusCode)
                .put("executedVersion", DeployedFunction.VERSION);
        if (functionError != null) {
            response.put("functionError", functionError);
        }
        record.set("responsePayload", json(responsePayload));
        return record;
    }

    private static JsonNode json(String payload) {
        if (payload == null || payload.isEmpty()) {
            return Jsons.MAPPER.getNodeFactory().nullNode();
        }
        try {
            return Jsons.parse(payload.getBytes(StandardCharsets.UTF_8));
        } catch (IOException notJson) {
            return Jsons.MAPPER.getNodeFactory().textNode(payload);
        }
    }
}
