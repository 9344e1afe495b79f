package io.nagare.orders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.events.EventJson;

/** Test resources: text, and Lambda events in the JSON Lambda delivers. */
final class Fixtures {

    private Fixtures() {
    }

    static String text(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An SQS event as Lambda delivers it ({@code {"Records": [...]}}), with the members handlers read. */
    static SQSEvent sqsEvent(String path) {
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(text(path));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(path + " is not JSON", e);
        }
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (JsonNode record : json.get("Records")) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(record.get("messageId").asText());
            message.setReceiptHandle(record.get("receiptHandle").asText());
            message.setBody(record.get("body").asText());
            message.setEventSource(record.get("eventSource").asText());
            message.setEventSourceArn(record.get("eventSourceARN").asText());
            message.setAwsRegion(record.get("awsRegion").asText());
            messages.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }
}
