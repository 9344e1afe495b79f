package io.nagare.local.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.LocalClock;
import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.targets.EventTargetInvoker;
import io.nagare.platform.model.FunctionDeclaration.QueueSource;
import io.nagare.platform.model.FunctionDeclaration.StreamSource;

/**
 * The event source mappings of the model's functions: SQS ({@code consumes(queue)}), each polled by a
 * {@link QueuePoller}, and DynamoDB streams ({@code consumesStream(...)}), each read by a {@link StreamPoller}; and
 * GetEventSourceMapping / ListEventSourceMappings. A mapping's UUID is derived from its
 * function and queue, so it is the same at every start.
 */
final class EventSourceMappings implements AutoCloseable {

    private record Mapping(String uuid, DeployedFunction function, QueueSource source, String queueArn,
                           List<QueuePoller> pollers) {
    }

    private record StreamMapping(String uuid, DeployedFunction function, StreamSource source, StreamPoller poller) {
    }

    private final List<Mapping> mappings = new ArrayList<>();
    private final List<StreamMapping> streamMappings = new ArrayList<>();
    private final double lastModified;
    private final Arns arns;

    EventSourceMappings(FunctionRegistry functions, SqsQueues queues, FunctionInvoker invoker, LocalClock clock,
                        Executor dispatch, Arns arns, Instant deployedAt) {
        this(functions, queues, null, invoker, clock, dispatch, arns, deployedAt, 1);
    }

    /**
     * With {@code streams} (the runtime's DynamoDB Streams and SQS, the {@code lambda} store), stream mappings too;
     * each queue is polled by {@code queuePollers} pollers at once, as Lambda runs several batches of one queue
     * concurrently (five to start with).
     */
    EventSourceMappings(FunctionRegistry functions, SqsQueues queues, StreamAccess streams, FunctionInvoker invoker,
                        LocalClock clock, Executor dispatch, Arns arns, Instant deployedAt, int queuePollers) {
        this.lastModified = deployedAt.toEpochMilli() / 1000.0;
        this.arns = arns;
        for (DeployedFunction function : functions.all()) {
            for (QueueSource source : function.declaration().queueSources()) {
                String uuid = UUID.nameUUIDFromBytes((function.name() + "\n" + source.queue())
                        .getBytes(StandardCharsets.UTF_8)).toString();
                String queueArn = arns.queue(source.queue());
                List<QueuePoller> pollers = new ArrayList<>();
                for (int i = 0; i < queuePollers; i++) {
                    pollers.add(new QueuePoller(uuid, function, source, queueArn, arns.region(), queues, invoker, clock,
                            dispatch));
                }
                mappings.add(new Mapping(uuid, function, source, queueArn, List.copyOf(pollers)));
            }
            for (StreamSource source : function.declaration().streamSources()) {
                if (streams == null) {
                    throw new IllegalStateException("function " + function.name() + " reads the stream of table "
                            + source.table() + " but this Lambda service has no DynamoDB Streams access");
                }
                String uuid = UUID.nameUUIDFromBytes((function.name() + "\nstream\n" + source.table())
                        .getBytes(StandardCharsets.UTF_8)).toString();
                streamMappings.add(new StreamMapping(uuid, function, source, new StreamPoller(uuid, function, source,
                        streams.streams(), invoker, streams.sqs(), arns, clock, dispatch, streams.store())));
            }
        }
    }

    /** What stream mappings need of the runtime. */
    record StreamAccess(TableStreams streams, Supplier<Optional<EventTargetInvoker.Sqs>> sqs, MVStore store) {
    }

    void start() {
        mappings.forEach(m -> m.pollers().forEach(QueuePoller::start));
        streamMappings.forEach(m -> m.poller().start());
    }

    @Override
    public void close() {
        mappings.forEach(m -> m.pollers().forEach(QueuePoller::close));
        streamMappings.forEach(m -> m.poller().close());
    }

    ObjectNode get(String uuid) {
        Optional<ObjectNode> stream = streamMappings.stream().filter(m -> m.uuid().equals(uuid)).findFirst()
                .map(this::json);
        if (stream.isPresent()) {
            return stream.get();
        }
        return mappings.stream().filter(m -> m.uuid().equals(uuid)).findFirst().map(this::json)
                .orElseThrow(() -> new LambdaApiException("ResourceNotFoundException",
                        "The resource you requested does not exist.", 404));
    }

    /** ListEventSourceMappings, filtered by {@code FunctionName} and {@code EventSourceArn}. */
    ObjectNode list(LocalRequest request, FunctionRegistry functions) {
        String functionName = request.queryParameter("FunctionName");
        String function = functionName == null ? null : functions.resolve(functionName, null).name();
        String sourceArn = request.queryParameter("EventSourceArn");
        List<Map.Entry<String, ObjectNode>> selected = new ArrayList<>();
        mappings.stream()
                .filter(m -> function == null || m.function().name().equals(function))
                .filter(m -> sourceArn == null || m.queueArn().equals(sourceArn))
                .forEach(m -> selected.add(Map.entry(m.uuid(), json(m))));
        streamMappings.stream()
                .filter(m -> function == null || m.function().name().equals(function))
                .filter(m -> sourceArn == null || sourceArn.equals(m.poller().streamArn()))
                .forEach(m -> selected.add(Map.entry(m.uuid(), json(m))));
        int maxItems = Paging.maxItems(request);
        int from = Paging.start(request.queryParameter("Marker"), selected.stream().map(Map.Entry::getKey).toList());
        ObjectNode response = Jsons.MAPPER.createObjectNode();
        ArrayNode listed = response.putArray("EventSourceMappings");
        for (int i = from; i < selected.size() && listed.size() < maxItems; i++) {
            listed.add(selected.get(i).getValue());
            if (listed.size() == maxItems && i + 1 < selected.size()) {
                response.put("NextMarker", selected.get(i + 1).getKey());
            }
        }
        return response;
    }

    private ObjectNode json(StreamMapping mapping) {
        StreamSource source = mapping.source();
        ObjectNode json = Jsons.MAPPER.createObjectNode();
        json.put("UUID", mapping.uuid());
        json.put("StartingPosition", source.startingPosition().name());
        json.put("BatchSize", source.batchSize());
        json.put("MaximumBatchingWindowInSeconds", 0);
        json.put("ParallelizationFactor", 1);
        String stream = mapping.poller().streamArn();
        if (stream != null) {
            json.put("EventSourceArn", stream);
        }
        json.put("FunctionArn", mapping.function().arn());
        json.put("LastModified", lastModified);
        json.put("LastProcessingResult", "No records processed");
        json.put("State", "Enabled");
        json.put("StateTransitionReason", "User action");
        ObjectNode destination = json.putObject("DestinationConfig").putObject("OnFailure");
        if (source.onFailureQueue() != null) {
            destination.put("Destination", arns.queue(source.onFailureQueue()));
        }
        json.put("MaximumRecordAgeInSeconds", -1);
        json.put("BisectBatchOnFunctionError", source.bisectBatchOnError());
        json.put("MaximumRetryAttempts", source.maximumRetryAttempts());
        json.put("TumblingWindowInSeconds", 0);
        ArrayNode responseTypes = json.putArray("FunctionResponseTypes");
        if (source.reportBatchItemFailures()) {
            responseTypes.add("ReportBatchItemFailures");
        }
        return json;
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
