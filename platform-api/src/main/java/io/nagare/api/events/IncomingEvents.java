package io.nagare.api.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CloudEvents a request carries, in the three HTTP modes of the CloudEvents HTTP binding, each as the JSON
 * document of structured mode, so one validator (with JSON pointers) checks them all:
 * <ul>
 *   <li>structured: {@code Content-Type: application/cloudevents+json}, the body is one event;</li>
 *   <li>batch: {@code Content-Type: application/cloudevents-batch+json}, the body is an array of events;</li>
 *   <li>binary: the attributes are {@code ce-*} headers, {@code Content-Type} is {@code datacontenttype}, the body is
 *       the data.</li>
 * </ul>
 */
final class IncomingEvents {

    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";
    private static final String HEADER_PREFIX = "ce-";

    enum Mode { STRUCTURED, BATCH, BINARY }

    /** The mode and the events, as structured-mode documents in request order. */
    record Parsed(Mode mode, List<JsonNode> documents) {
    }

    private IncomingEvents() {
    }

    /**
     * @param headers the request headers, names lower-case (as API Gateway passes them)
     * @throws ApiProblem 415 when the request is in no CloudEvents mode, 400 when its body is not the JSON it must be
     */
    static Parsed parse(Map<String, String> headers, byte[] body) {
        String contentType = headers.get("content-type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType.equals(STRUCTURED)) {
            JsonNode document = readJson(body, "structured mode: the body");
            if (!document.isObject()) {
                throw ApiProblem.of(400, "structured mode: the body must be one CloudEvent (a JSON object); got a JSON "
                        + kind(document) + "; send a batch as " + BATCH);
            }
            return new Parsed(Mode.STRUCTURED, List.of(document));
        }
        if (mediaType.equals(BATCH)) {
            JsonNode batch = readJson(body, "batch mode: the body");
            if (!batch.isArray()) {
                throw ApiProblem.of(400, "batch mode: the body must be a JSON array of CloudEvents; got a JSON "
                        + kind(batch));
            }
            if (batch.isEmpty()) {
                throw ApiProblem.of(400, "batch mode: the batch is empty; send at least one CloudEvent");
            }
            List<JsonNode> documents = new ArrayList<>();
            batch.forEach(documents::add);
            return new Parsed(Mode.BATCH, documents);
        }
        if (headers.containsKey(HEADER_PREFIX + "specversion")) {
            return new Parsed(Mode.BINARY, List.of(binary(headers, contentType, body)));
        }
        throw ApiProblem.of(415, "unsupported request: Content-Type '" + (contentType == null ? "" : contentType)
                + "' without a ce-specversion header is no CloudEvents mode; send " + STRUCTURED + " (structured), "
                + BATCH + " (batch), or the attributes as ce-* headers with the data as the body (binary)");
    }

    /** The structured-mode document of a binary-mode event. */
    private static JsonNode binary(Map<String, String> headers, String contentType, byte[] body) {
        ObjectNode document = Json.object();
        headers.forEach((name, value) -> {
            if (name.startsWith(HEADER_PREFIX) && name.length() > HEADER_PREFIX.length()) {
                String attribute = name.substring(HEADER_PREFIX.length());
                if (!attribute.equals("data") && !attribute.equals("data_base64")) {
                    document.put(attribute, percentDecode(value, name));
                }
            }
        });
        if (contentType != null) {
            document.put("datacontenttype", contentType);
        }
        if (body.length == 0) {
            return document;
        }
        if (contentType == null || isJson(contentType)) {
            document.set("data", readJson(body, "binary mode: the body (the event's data)"));
        } else {
            document.put("data_base64", Base64.getEncoder().encodeToString(body));
        }
        return document;
    }

    static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.equals("text/json") || mediaType.endsWith("+json");
    }

    /** Header values are percent-encoded (CloudEvents HTTP binding 3.1.3.2); {@code +} is not a space here. */
    private static String percentDecode(String value, String header) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0
                        || Character.digit(value.charAt(i + 2), 16) < 0) {
                    throw ApiProblem.of(400, "binary mode: header " + header + " has a '%' not followed by two hex"
                            + " digits at index " + i + "; values are percent-encoded UTF-8");
                }
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode readJson(byte[] body, String what) {
        if (body.length == 0) {
            throw ApiProblem.of(400, what + " is empty; expected JSON");
        }
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiProblem.of(400, what + " is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw ApiProblem.of(400, what + " cannot be read: " + e.getMessage());
        }
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
