package io.nagare.local.sqs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import io.nagare.local.runtime.LocalRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.QueryStringEncoder;

/**
 * Recognises SQS requests on the shared endpoint, in both protocols SQS speaks: AWS JSON 1.0
 * ({@code X-Amz-Target: AmazonSQS.<Action>}, AWS SDK v2 and current AWS CLIs) and the query protocol
 * ({@code Action=<Action>} in a form body or the query string, on {@code /} or a queue URL's path; older SDKs and
 * CLIs). A query request is claimed only for an SQS action and, when it names one, SQS's API version, so another
 * query-protocol service (SNS has {@code AddPermission} too) can share the endpoint.
 */
final class SqsProtocol {

    static final String TARGET_PREFIX = "AmazonSQS.";
    static final String JSON_CONTENT_TYPE = "application/x-amz-json-1.0";

    private static final String API_VERSION = "2012-11-05";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Set<String> ACTIONS = Set.of(
            "AddPermission", "CancelMessageMoveTask", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch",
            "CreateQueue", "DeleteMessage", "DeleteMessageBatch", "DeleteQueue", "GetQueueAttributes", "GetQueueUrl",
            "ListDeadLetterSourceQueues", "ListMessageMoveTasks", "ListQueueTags", "ListQueues", "PurgeQueue",
            "ReceiveMessage", "RemovePermission", "SendMessage", "SendMessageBatch", "SetQueueAttributes",
            "StartMessageMoveTask", "TagQueue", "UntagQueue");

    private SqsProtocol() {
    }

    static boolean isSqs(LocalRequest request) {
        String target = request.header("X-Amz-Target");
        if (target != null) {
            return target.startsWith(TARGET_PREFIX);
        }
        String action = parameter(request, "Action");
        if (action == null || !ACTIONS.contains(action)) {
            return false;
        }
        String version = parameter(request, "Version");
        return version == null || version.equals(API_VERSION);
    }

    /** The request's path and query string, encoded again for the hop to ElasticMQ. */
    static String uri(LocalRequest request) {
        StringJoiner path = new StringJoiner("/");
        for (String segment : request.path().split("/", -1)) {
            path.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        QueryStringEncoder encoder = new QueryStringEncoder(path.toString());
        request.query().forEach((name, values) -> values.forEach(value -> encoder.addParam(name, value)));
        return encoder.toString();
    }

    private static String parameter(LocalRequest request, String name) {
        String value = request.queryParameter(name);
        if (value != null) {
            return value;
        }
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith(FORM) || request.body().length == 0) {
            return null;
        }
        List<String> values = new QueryStringDecoder(request.bodyAsString(), StandardCharsets.UTF_8, false)
                .parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
