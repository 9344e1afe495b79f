package io.nagare.local.sqs;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import org.h2.mvstore.MVStore;

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
    private final Receiving receiving;
    private final QueueAttributeActions attributes;

    SqsService(RuntimeContext context) {
        this.context = context;
        // Without a data directory nothing outlives the runtime, so nothing is journalled.
        Optional<MVStore> store = context.dataDirectory().map(directory -> context.store("sqs"));
        this.elasticMq = EmbeddedElasticMq.start(context.clock(), context.region(), context.accountId(), store);
        this.client = new ElasticMqClient(elasticMq.port());
        QueueSettings settings = new QueueSettings(store);
        QueueActors actors = new QueueActors(elasticMq.queues());
        this.receiving = new Receiving(context.clock(), elasticMq.clock(), actors, settings, this::forward);
        this.attributes = new QueueAttributeActions(settings, actors, elasticMq.clock(), receiving, this::forward, context.region(),
                context.accountId());
        this.target = new QueueTarget(elasticMq.queues(), context.region(), context.accountId(), settings,
                queue -> receiving.sent(queue));
        elasticMq.clock().sync();
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
        SqsCall call = SqsCall.of(request);
        if (call == null) {
            return forward(request);
        }
        return switch (call.action()) {
            case "CreateQueue" -> attributes.createQueue(call);
            case "SetQueueAttributes" -> attributes.setQueueAttributes(call);
            case "GetQueueAttributes" -> attributes.getQueueAttributes(call);
            case "DeleteQueue" -> attributes.deleteQueue(call);
            case "SendMessage", "SendMessageBatch" -> attributes.send(call);
            case "ChangeMessageVisibility", "ChangeMessageVisibilityBatch" -> attributes.changeVisibility(call);
            case "ReceiveMessage" -> receiving.receive(call);
            case "PurgeQueue" -> purge(call);
            default -> forward(request);
        };
    }

    /** PurgeQueue, then the journal forgets what it purged (ElasticMQ tells it nothing). */
    private LocalResponse purge(SqsCall call) {
        long mark = elasticMq.purgeMark();
        LocalResponse response = forward(call.request());
        if (response.status() == 200 && call.queueName() != null) {
            elasticMq.purged(call.queueName(), mark);
        }
        return response;
    }

    /** ElasticMQ's answer to {@code request}, as it came. */
    private LocalResponse forward(LocalRequest request) {
        try {
            LocalResponse response = client.exchange(request.method(), SqsProtocol.uri(request), host(request),
                    request.headers(), request.body());
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
        elasticMq.clock().sync();
        target.send(request);
    }

    @Override
    public void close() {
        receiving.close();
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
