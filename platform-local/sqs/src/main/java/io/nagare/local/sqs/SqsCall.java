package io.nagare.local.sqs;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.QueryStringEncoder;

/**
 * One SQS request read the same way in either protocol (AWS JSON 1.0 or query), for the few actions the service
 * looks into before or after ElasticMQ serves them: the action, the queue it names, its queue attributes and message
 * sizes; a copy with attributes left out or a parameter changed; an error in the request's protocol; and the
 * attributes and messages of ElasticMQ's response.
 */
final class SqsCall {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>.*?</Message>", Pattern.DOTALL);
    private static final Pattern XML_MESSAGE_ID = Pattern.compile("<MessageId>(.*?)</MessageId>");
    private static final Pattern XML_RECEIPT = Pattern.compile("<ReceiptHandle>(.*?)</ReceiptHandle>");

    private final LocalRequest request;
    private final String action;
    /** The JSON body, or null for a query request. */
    private final ObjectNode json;
    /** The query parameters (query string and form body), or null for a JSON request. */
    private final Map<String, String> query;

    private SqsCall(LocalRequest request, String action, ObjectNode json, Map<String, String> query) {
        this.request = request;
        this.action = action;
        this.json = json;
        this.query = query;
    }

    /** The call, or null when the request is not one this service can read (ElasticMQ answers it then). */
    static SqsCall of(LocalRequest request) {
        String target = request.header("X-Amz-Target");
        if (target != null) {
            try {
                JsonNode body = request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
                if (!(body instanceof ObjectNode object)) {
                    return null;
                }
                return new SqsCall(request, target.substring(SqsProtocol.TARGET_PREFIX.length()), object, null);
            } catch (IOException e) {
                return null;
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        request.query().forEach((name, values) -> {
            if (!values.isEmpty()) {
                parameters.put(name, values.get(0));
            }
        });
        String contentType = request.header("Content-Type");
        if (contentType != null && contentType.toLowerCase().startsWith(FORM) && request.body().length > 0) {
            new QueryStringDecoder(request.bodyAsString(), StandardCharsets.UTF_8, false).parameters()
                    .forEach((name, values) -> {
                        if (!values.isEmpty()) {
                            parameters.putIfAbsent(name, values.get(0));
                        }
                    });
        }
        String action = parameters.get("Action");
        return action == null ? null : new SqsCall(request, action, null, parameters);
    }

    String action() {
        return action;
    }

    LocalRequest request() {
        return request;
    }

    boolean isJson() {
        return json != null;
    }

    /** The queue named by {@code QueueName} (CreateQueue) or {@code QueueUrl} (or a query request's path). */
    String queueName() {
        String name = parameter("QueueName");
        if (name != null) {
            return name;
        }
        String url = parameter("QueueUrl");
        String path = url != null ? URI.create(url.replace(" ", "%20")).getPath() : request.path();
        if (path == null) {
            return null;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? null : last;
    }

    String parameter(String name) {
        if (json != null) {
            JsonNode value = json.get(name);
            return value == null || value.isNull() ? null : value.asText();
        }
        return query.get(name);
    }

    /** {@code Attributes} of CreateQueue and SetQueueAttributes. */
    Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (json != null) {
            json.path("Attributes").properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
        } else {
            for (int i = 1; query.containsKey("Attribute." + i + ".Name"); i++) {
                attributes.put(query.get("Attribute." + i + ".Name"),
                        query.getOrDefault("Attribute." + i + ".Value", ""));
            }
        }
        return attributes;
    }

    /** {@code AttributeNames} of GetQueueAttributes. */
    List<String> attributeNames() {
        List<String> names = new ArrayList<>();
        if (json != null) {
            json.path("AttributeNames").forEach(name -> names.add(name.asText()));
        } else {
            for (int i = 1; query.containsKey("AttributeName." + i); i++) {
                names.add(query.get("AttributeName." + i));
            }
        }
        return names;
    }

    /** The request without the named queue attributes (ElasticMQ refuses or ignores them). */
    LocalRequest withoutAttributes(Set<String> names) {
        if (json != null) {
            ObjectNode copy = json.deepCopy();
            if (copy.get("Attributes") instanceof ObjectNode attributes) {
                names.forEach(attributes::remove);
            }
            return jsonRequest(copy);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (!name.startsWith("Attribute.")) {
                copy.put(name, value);
            }
        });
        int n = 0;
        for (Map.Entry<String, String> attribute : attributes().entrySet()) {
            if (!names.contains(attribute.getKey())) {
                n++;
                copy.put("Attribute." + n + ".Name", attribute.getKey());
                copy.put("Attribute." + n + ".Value", attribute.getValue());
            }
        }
        return formRequest(copy);
    }

    /** The request with one (numeric) parameter set. */
    LocalRequest withParameter(String name, int value) {
        if (json != null) {
            ObjectNode copy = json.deepCopy();
            copy.put(name, value);
            return jsonRequest(copy);
        }
        Map<String, String> copy = new LinkedHashMap<>(query);
        copy.put(name, Integer.toString(value));
        return formRequest(copy);
    }

    /**
     * The size SQS counts against a queue's MaximumMessageSize for each message of a SendMessage (one entry, no id)
     * or SendMessageBatch (by entry id): the body's UTF-8 bytes plus each message attribute's name, data type and
     * value.
     */
    Map<String, Integer> messageSizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        if (json != null) {
            if (action.equals("SendMessage")) {
                sizes.put("", jsonSize(json));
            } else {
                json.path("Entries").forEach(entry -> sizes.put(entry.path("Id").asText(), jsonSize(entry)));
            }
            return sizes;
        }
        if (action.equals("SendMessage")) {
            sizes.put("", querySize(""));
        } else {
            for (int i = 1; query.containsKey("SendMessageBatchRequestEntry." + i + ".Id"); i++) {
                String prefix = "SendMessageBatchRequestEntry." + i + ".";
                sizes.put(query.get(prefix + "Id"), querySize(prefix));
            }
        }
        return sizes;
    }

    /** An error answer in the request's protocol. */
    LocalResponse error(String code, String message) {
        if (json != null) {
            ObjectNode body = JSON.createObjectNode().put("__type", "com.amazonaws.sqs#" + code).put("message", message);
            return LocalResponse.json(400, SqsProtocol.JSON_CONTENT_TYPE, body.toString())
                    .withHeader("X-Amzn-Query-Error", code + ";Sender");
        }
        String xml = "<ErrorResponse><Error><Type>Sender</Type><Code>" + escape(code) + "</Code><Message>"
                + escape(message) + "</Message><Detail/></Error><RequestId>" + UUID.randomUUID()
                + "</RequestId></ErrorResponse>";
        return LocalResponse.of(400, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A GetQueueAttributes answer with more attributes. */
    LocalResponse withAttributes(LocalResponse response, Map<String, String> more) {
        if (more.isEmpty()) {
            return response;
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (json != null) {
            try {
                ObjectNode answer = (ObjectNode) JSON.readTree(body);
                ObjectNode attributes = answer.get("Attributes") instanceof ObjectNode existing
                        ? existing : answer.putObject("Attributes");
                more.forEach(attributes::put);
                return new LocalResponse(response.status(), response.headers(),
                        answer.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException | ClassCastException e) {
                return response;
            }
        }
        StringBuilder elements = new StringBuilder();
        more.forEach((name, value) -> elements.append("<Attribute><Name>").append(escape(name))
                .append("</Name><Value>").append(escape(value)).append("</Value></Attribute>"));
        String closing = "</GetQueueAttributesResult>";
        int at = body.indexOf(closing);
        String changed = at >= 0 ? body.substring(0, at) + elements + body.substring(at)
                : body.replace("<GetQueueAttributesResult/>",
                "<GetQueueAttributesResult>" + elements + closing);
        return new LocalResponse(response.status(), response.headers(), changed.getBytes(StandardCharsets.UTF_8));
    }

    /** The messages of a ReceiveMessage answer: receipt handle by message id. */
    Map<String, String> receivedMessages(LocalResponse response) {
        Map<String, String> messages = new LinkedHashMap<>();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (json != null) {
            try {
                JSON.readTree(body).path("Messages").forEach(message -> messages.put(
                        message.path("MessageId").asText(), message.path("ReceiptHandle").asText()));
            } catch (IOException e) {
                return messages;
            }
            return messages;
        }
        Matcher matcher = XML_MESSAGE.matcher(body);
        while (matcher.find()) {
            Matcher id = XML_MESSAGE_ID.matcher(matcher.group());
            Matcher receipt = XML_RECEIPT.matcher(matcher.group());
            if (id.find() && receipt.find()) {
                messages.put(unescape(id.group(1)), unescape(receipt.group(1)));
            }
        }
        return messages;
    }

    /** A ReceiveMessage answer without the messages of {@code ids}. */
    LocalResponse withoutMessages(LocalResponse response, Set<String> ids) {
        if (ids.isEmpty()) {
            return response;
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String changed;
        if (json != null) {
            try {
                ObjectNode answer = (ObjectNode) JSON.readTree(body);
                var kept = JSON.createArrayNode();
                answer.path("Messages").forEach(message -> {
                    if (!ids.contains(message.path("MessageId").asText())) {
                        kept.add(message);
                    }
                });
                answer.set("Messages", kept);
                changed = answer.toString();
            } catch (IOException | ClassCastException e) {
                return response;
            }
        } else {
            StringBuilder out = new StringBuilder();
            Matcher matcher = XML_MESSAGE.matcher(body);
            while (matcher.find()) {
                Matcher id = XML_MESSAGE_ID.matcher(matcher.group());
                boolean drop = id.find() && ids.contains(unescape(id.group(1)));
                matcher.appendReplacement(out, drop ? "" : Matcher.quoteReplacement(matcher.group()));
            }
            matcher.appendTail(out);
            changed = out.toString();
        }
        return new LocalResponse(response.status(), response.headers(), changed.getBytes(StandardCharsets.UTF_8));
    }

    private static int jsonSize(JsonNode message) {
        int size = utf8(message.path("MessageBody").asText(""));
        for (Map.Entry<String, JsonNode> attribute : message.path("MessageAttributes").properties()) {
            JsonNode value = attribute.getValue();
            size += utf8(attribute.getKey()) + utf8(value.path("DataType").asText(""))
                    + utf8(value.path("StringValue").asText(""));
            if (value.hasNonNull("BinaryValue")) {
                size += decodedLength(value.get("BinaryValue").asText());
            }
        }
        return size;
    }

    private int querySize(String prefix) {
        int size = utf8(query.getOrDefault(prefix + "MessageBody", ""));
        for (int i = 1; query.containsKey(prefix + "MessageAttribute." + i + ".Name"); i++) {
            String attribute = prefix + "MessageAttribute." + i + ".";
            size += utf8(query.get(attribute + "Name"))
                    + utf8(query.getOrDefault(attribute + "Value.DataType", ""))
                    + utf8(query.getOrDefault(attribute + "Value.StringValue", ""));
            String binary = query.get(attribute + "Value.BinaryValue");
            if (binary != null) {
                size += decodedLength(binary);
            }
        }
        return size;
    }

    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return utf8(base64);
        }
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private LocalRequest jsonRequest(ObjectNode body) {
        return new LocalRequest(request.method(), request.path(), request.query(), request.headers(),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private LocalRequest formRequest(Map<String, String> parameters) {
        QueryStringEncoder encoder = new QueryStringEncoder("");
        parameters.forEach(encoder::addParam);
        String form = encoder.toString().substring(1);
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put("Content-Type", FORM + "; charset=utf-8");
        return new LocalRequest("POST", request.path(), Map.of(), headers, form.getBytes(StandardCharsets.UTF_8));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
