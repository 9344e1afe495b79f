package io.nagare.local.sqs;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.RuntimeContext;
import io.nagare.local.runtime.targets.EventTargetInvoker;
import io.nagare.local.runtime.targets.EventTargetRequest;

/**
 * Local Amazon SQS on the runtime's endpoint: requests in either SQS protocol are handed to the embedded ElasticMQ
 * as they came (only a JSON error's {@code x-amzn-query-error} header is corrected on the way back, and a purge is
 * passed on to the journal), and EventBridge delivers rule targets and dead-letter messages through
 * {@link EventTargetInvoker.Sqs}.
 */
final class SqsService implements LocalService, EventTargetInvoker.Sqs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuntimeContext context;
    private final EmbeddedElasticMq elasticMq;
    private final ElasticMqClient client;
    private final QueueTarget target;

    SqsService(RuntimeContext context) {
        this.context = context;
        // Without a data directory nothing outlives the runtime, so nothing is journalled.
        this.elasticMq = EmbeddedElasticMq.start(context.clock(), context.region(), context.accountId(),
                context.dataDirectory().map(directory -> context.store("sqs")));
        this.client = new ElasticMqClient(elasticMq.port());
        this.target = new QueueTarget(elasticMq.queues(), context.region(), context.accountId());
    }

    @Override
    public String name() {
        return "sqs";
    }

    @Override
    public boolean handles(LocalRequest request) {
        return SqsProtocol.isSqs(request);
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        try {
            LocalResponse response = client.exchange(request.method(), SqsProtocol.uri(request), host(request),
                    request.headers(), request.body());
            if (response.status() == 200) {
                SqsProtocol.purgedQueue(request).ifPresent(elasticMq::purged);
            }
            return QueryCompatibleError.correct(response);
        } catch (IOException e) {
            // A 5xx the SDKs retry, in SQS's JSON error shape.
            ObjectNode error = JSON.createObjectNode().put("__type", "com.amazonaws.sqs#ServiceUnavailable")
                    .put("message", "local SQS is unavailable: " + e.getMessage());
            return LocalResponse.json(503, SqsProtocol.JSON_CONTENT_TYPE, error.toString());
        }
    }

    /** Ready once ElasticMQ answers its health check. */
    @Override
    public boolean ready() {
        try {
            return client.exchange("GET", "/health", "localhost", Map.of(), new byte[0]).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void invoke(EventTargetRequest request) {
        target.send(request);
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            elasticMq.close();
        }
    }

    private String host(LocalRequest request) {
        String host = request.header("Host");
        return host != null ? host : context.endpointUrl().replaceFirst("^https?://", "");
    }
}
