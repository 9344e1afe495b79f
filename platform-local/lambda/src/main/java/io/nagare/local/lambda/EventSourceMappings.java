package io.nagare.local.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.LocalClock;
import io.nagare.local.runtime.LocalRequest;
import io.nagare.platform.model.FunctionDeclaration.QueueSource;

/**
 * The SQS event source mappings of the model's functions ({@code consumes(queue)}), each polled by a
 * {@link QueuePoller}, and GetEventSourceMapping / ListEventSourceMappings. A mapping's UUID is derived from its
 * function and queue, so it is the same at every start.
 */
final class EventSourceMappings implements AutoCloseable {

    private record Mapping(String uuid, DeployedFunction function, QueueSource source, String queueArn,
                           QueuePoller poller) {
    }

    private final List<Mapping> mappings = new ArrayList<>();
    private final double lastModified;

    EventSourceMappings(FunctionRegistry functions, SqsQueues queues, FunctionInvoker invoker, LocalClock clock,
                        Executor dispatch, Arns arns, Instant deployedAt) {
        this.lastModified = deployedAt.toEpochMilli() / 1000.0;
        for (DeployedFunction function : functions.all()) {
            for (QueueSource source : function.declaration().queueSources()) {
                String uuid = UUID.nameUUIDFromBytes((function.name() + "\n" + source.queue())
                        .getBytes(StandardCharsets.UTF_8)).toString();
                String queueArn = arns.queue(source.queue());
                mappings.add(new Mapping(uuid, function, source, queueArn, new QueuePoller(uuid, function, source,
                        queueArn, arns.region(), queues, invoker, clock, dispatch)));
            }
        }
    }

    void start() {
        mappings.forEach(m -> m.poller().start());
    }

    @Override
    public void close() {
        mappings.forEach(m -> m.poller().close());
    }

    ObjectNode get(String uuid) {
        return mappings.stream().filter(m -> m.uuid().equals(uuid)).findFirst().map(this::json)
                .orElseThrow(() -> new LambdaApiException("ResourceNotFoundException",
                        "The resource you requested does not exist.", 404));
    }

    /** ListEventSourceMappings, filtered by {@code FunctionName} and {@code EventSourceArn}. */
    ObjectNode list(LocalRequest request, FunctionRegistry functions) {
        String functionName = request.queryParameter("FunctionName");
        String function = functionName == null ? null : functions.resolve(functionName, null).name();
        String sourceArn = request.queryParameter("EventSourceArn");
        List<Mapping> selected = mappings.stream()
                .filter(m -> function == null || m.function().name().equals(function))
                .filter(m -> sourceArn == null || m.queueArn().equals(sourceArn))
                .toList();
        int maxItems = Paging.maxItems(request);
        int from = Paging.start(request.queryParameter("Marker"), selected.stream().map(Mapping::uuid).toList());
        ObjectNode response = Jsons.MAPPER.createObjectNode();
        ArrayNode listed = response.putArray("EventSourceMappings");
        for (int i = from; i < selected.size() && listed.size() < maxItems; i++) {
            listed.add(json(selected.get(i)));
            if (listed.size() == maxItems && i + 1 < selected.size()) {
                response.put("NextMarker", selected.get(i + 1).uuid());
            }
        }
        return response;
    }

    private ObjectNode json(Mapping mapping) {
        ObjectNode json = Jsons.MAPPER.createObjectNode();
        json.put("UUID", mapping.uuid());
        json.put("BatchSize", mapping.source().batchSize());
        json.put("MaximumBatchingWindowInSeconds", mapping.source().maxBatchingWindowSeconds());
        json.put("EventSourceArn", mapping.queueArn());
        json.put("FunctionArn", mapping.function().arn());
        json.put("LastModified", lastModified);
        json.put("State", "Enabled");
        json.put("StateTransitionReason", "USER_INITIATED");
        ArrayNode responseTypes = json.putArray("FunctionResponseTypes");
        if (mapping.source().reportBatchItemFailures()) {
            responseTypes.add("ReportBatchItemFailures");
        }
        return json;
    }
}
