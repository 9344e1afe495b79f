package io.nagare.platform.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Java Lambda function: its handler, its size, its configuration and every resource it uses. What it uses is all
 * it may use: the CDK app derives its IAM policy from these fields, and the local runtime its environment.
 *
 * @param name                the function name
 * @param owner               the bounded context that owns it
 * @param handler             the handler class name, optionally {@code ::method}
 * @param memoryMb            memory in MB (default 512)
 * @param timeoutSeconds      timeout in seconds (default 30)
 * @param environment         environment variables of its own, by name
 * @param tables              tables it uses, with the access it needs
 * @param publishes           detail-types it publishes, by bus
 * @param sendsTo             queues it sends messages to
 * @param queueSources        queues Lambda polls for it (SQS event source mappings)
 * @param sagas               sagas it uses, with what it does with them
 * @param reservedConcurrency reserved concurrent executions; null when unreserved (the default)
 * @param deadLetterQueue     where Lambda sends an asynchronous invocation that still fails after
 *                            {@code asyncRetryAttempts}; required when a subscription targets the function
 * @param asyncRetryAttempts  retries of a failed asynchronous invocation, 0-2 (default 2, as Lambda)
 * @param streamSources       tables whose DynamoDB stream Lambda reads for it (stream event source mappings)
 * @param maximumEventAgeSeconds how long Lambda keeps an asynchronous invocation queued and retried, 60-21600
 *                               (default 21600, 6 hours, as Lambda)
 * @param onSuccess           where Lambda sends the invocation record of an asynchronous invocation that succeeded;
 *                            null for nowhere
 * @param onFailure           where Lambda sends the invocation record of an asynchronous invocation that still fails
 *                            after its retries or outlived {@code maximumEventAgeSeconds} (in addition to the
 *                            dead-letter queue when both are declared); null for nowhere
 */
public record FunctionDeclaration(String name, String owner, String handler, int memoryMb, int timeoutSeconds,
                                  Map<String, String> environment, Map<String, TableAccess> tables,
                                  Map<String, Set<String>> publishes, Set<String> sendsTo,
                                  List<QueueSource> queueSources, Map<String, Set<SagaAccess>> sagas,
                                  Integer reservedConcurrency, String deadLetterQueue, int asyncRetryAttempts,
                                  List<StreamSource> streamSources, int maximumEventAgeSeconds,
                                  AsyncDestination onSuccess, AsyncDestination onFailure) {

    static final String KIND = "function";
    static final int DEFAULT_MEMORY_MB = 512;
    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    static final int DEFAULT_ASYNC_RETRY_ATTEMPTS = 2;
    static final int DEFAULT_MAXIMUM_EVENT_AGE_SECONDS = 21_600;

    /** What a function does with a saga; each grants the matching Step Functions actions. */
    public enum SagaAccess {
        /** StartExecution. */
        START,
        /** SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat: answering a {@code .waitForTaskToken} task. */
        CALLBACK,
        /** DescribeExecution, ListExecutions, GetExecutionHistory: watching executions. */
        READ
    }

    /**
     * An SQS event source mapping: Lambda polls {@code queue} and invokes the function with batches.
     *
     * @param queue                    the queue, which needs a dead-letter queue for poison messages
     * @param batchSize                messages per batch, 1-10000 (10 at most for FIFO; default 10)
     * @param maxBatchingWindowSeconds how long to gather a batch, 0-300 (default 0; at least 1 above 10 messages)
     * @param reportBatchItemFailures  whether the handler returns partial batch failures (default true), so one
     *                                 poison message does not send its whole batch back
     */
    public record QueueSource(String queue, int batchSize, int maxBatchingWindowSeconds,
                              boolean reportBatchItemFailures) {

        /** A source with the defaults: batches of 10, no batching window, partial batch failures reported. */
        public static QueueSource of(String queue) {
            return new QueueSource(queue, 10, 0, true);
        }

        public QueueSource withBatchSize(int size) {
            return new QueueSource(queue, size, maxBatchingWindowSeconds, reportBatchItemFailures);
        }

        public QueueSource withMaxBatchingWindowSeconds(int seconds) {
            return new QueueSource(queue, batchSize, seconds, reportBatchItemFailures);
        }

        public QueueSource withReportBatchItemFailures(boolean report) {
            return new QueueSource(queue, batchSize, maxBatchingWindowSeconds, report);
        }
    }

    /**
     * Where Lambda sends the record of an asynchronous invocation (an on-success or on-failure destination): a queue
     * or an event bus of the model. Lambda also accepts SNS topics and functions; the model has no topics and the
     * platform does not chain functions this way, so those kinds are declarable only to be refused with a clear
     * "not supported" by the model validator.
     *
     * @param kind the kind of resource
     * @param name its declared name
     */
    public record AsyncDestination(Kind kind, String name) {

        /** What an asynchronous invocation destination is. */
        public enum Kind { QUEUE, BUS, TOPIC, FUNCTION }

        public AsyncDestination {
            if (kind == null || name == null || name.isBlank()) {
                throw new IllegalArgumentException("an asynchronous invocation destination needs a kind and a name;"
                        + " got " + kind + " '" + name + "'");
            }
        }

        /** A standard queue of the model: the record is the message body. */
        public static AsyncDestination queue(String name) {
            return new AsyncDestination(Kind.QUEUE, name);
        }

        /** An event bus of the model: the record is the {@code detail} of a {@code source: lambda} event. */
        public static AsyncDestination bus(String name) {
            return new AsyncDestination(Kind.BUS, name);
        }

        /** An SNS topic: not supported (the model declares no topics). */
        public static AsyncDestination topic(String name) {
            return new AsyncDestination(Kind.TOPIC, name);
        }

        /** A function: not supported by the platform. */
        public static AsyncDestination function(String name) {
            return new AsyncDestination(Kind.FUNCTION, name);
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase(Locale.ROOT) + " '" + name + "'";
        }
    }

    /** Where a stream event source mapping starts reading a stream it has no position in yet. */
    public enum StartingPosition { TRIM_HORIZON, LATEST }

    /**
     * A DynamoDB stream event source mapping: Lambda reads {@code table}'s stream and invokes the function with
     * batches of records ({@code DynamodbEvent}), in order.
     *
     * @param table                    the table, which must have a stream
     * @param batchSize                records per batch, 1-10000 (default 100, as Lambda)
     * @param startingPosition         where to start reading (default TRIM_HORIZON: every record still kept)
     * @param bisectBatchOnError       whether a failed batch is split in two and each half retried (default false)
     * @param maximumRetryAttempts     retries of a failed batch before it is skipped, -1 (until the records expire,
     *                                 Lambda's default) or 0-10000
     * @param onFailureQueue           the queue told about a skipped batch (Lambda's on-failure destination), or
     *                                 null
     * @param reportBatchItemFailures  whether the handler returns partial batch failures (default true): the
     *                                 function resumes from the first failed record
     */
    public record StreamSource(String table, int batchSize, StartingPosition startingPosition,
                               boolean bisectBatchOnError, int maximumRetryAttempts, String onFailureQueue,
                               boolean reportBatchItemFailures) {

        /** A source with Lambda's defaults, from the trim horizon, partial batch failures reported. */
        public static StreamSource of(String table) {
            return new StreamSource(table, 100, StartingPosition.TRIM_HORIZON, false, -1, null, true);
        }

        public StreamSource withBatchSize(int size) {
            return new StreamSource(table, size, startingPosition, bisectBatchOnError, maximumRetryAttempts,
                    onFailureQueue, reportBatchItemFailures);
        }

        public StreamSource withStartingPosition(StartingPosition position) {
            return new StreamSource(table, batchSize, position, bisectBatchOnError, maximumRetryAttempts,
                    onFailureQueue, reportBatchItemFailures);
        }

        public StreamSource withBisectBatchOnError(boolean bisect) {
            return new StreamSource(table, batchSize, startingPosition, bisect, maximumRetryAttempts,
                    onFailureQueue, reportBatchItemFailures);
        }

        public StreamSource withMaximumRetryAttempts(int attempts) {
            return new StreamSource(table, batchSize, startingPosition, bisectBatchOnError, attempts,
                    onFailureQueue, reportBatchItemFailures);
        }

        public StreamSource withOnFailureQueue(String queue) {
            return new StreamSource(table, batchSize, startingPosition, bisectBatchOnError, maximumRetryAttempts,
                    queue, reportBatchItemFailures);
        }

        public StreamSource withReportBatchItemFailures(boolean report) {
            return new StreamSource(table, batchSize, startingPosition, bisectBatchOnError, maximumRetryAttempts,
                    onFailureQueue, report);
        }
    }

    /** Without stream sources, the record as it was before they could be declared. */
    public FunctionDeclaration(String name, String owner, String handler, int memoryMb, int timeoutSeconds,
                               Map<String, String> environment, Map<String, TableAccess> tables,
                               Map<String, Set<String>> publishes, Set<String> sendsTo,
                               List<QueueSource> queueSources, Map<String, Set<SagaAccess>> sagas,
                               Integer reservedConcurrency, String deadLetterQueue, int asyncRetryAttempts) {
        this(name, owner, handler, memoryMb, timeoutSeconds, environment, tables, publishes, sendsTo, queueSources,
                sagas, reservedConcurrency, deadLetterQueue, asyncRetryAttempts, List.of());
    }

    /** Without asynchronous invocation destinations and event age, the record as it was before they existed. */
    public FunctionDeclaration(String name, String owner, String handler, int memoryMb, int timeoutSeconds,
                               Map<String, String> environment, Map<String, TableAccess> tables,
                               Map<String, Set<String>> publishes, Set<String> sendsTo,
                               List<QueueSource> queueSources, Map<String, Set<SagaAccess>> sagas,
                               Integer reservedConcurrency, String deadLetterQueue, int asyncRetryAttempts,
                               List<StreamSource> streamSources) {
        this(name, owner, handler, memoryMb, timeoutSeconds, environment, tables, publishes, sendsTo, queueSources,
                sagas, reservedConcurrency, deadLetterQueue, asyncRetryAttempts, streamSources,
                DEFAULT_MAXIMUM_EVENT_AGE_SECONDS, null, null);
    }

    public FunctionDeclaration {
        Declarations.requireName(KIND, name);
        Declarations.require(KIND, name, "owner", owner);
        Declarations.require(KIND, name, "handler", handler);
        environment = Collections.unmodifiableMap(new TreeMap<>(environment));
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
        TreeMap<String, Set<String>> published = new TreeMap<>();
        publishes.forEach((bus, types) -> published.put(bus, Collections.unmodifiableSet(new TreeSet<>(types))));
        publishes = Collections.unmodifiableMap(published);
        sendsTo = Collections.unmodifiableSet(new TreeSet<>(sendsTo));
        queueSources = List.copyOf(queueSources);
        streamSources = List.copyOf(streamSources);
        TreeMap<String, Set<SagaAccess>> used = new TreeMap<>();
        sagas.forEach((saga, access) -> {
            EnumSet<SagaAccess> copy = EnumSet.noneOf(SagaAccess.class);
            copy.addAll(access);
            used.put(saga, Collections.unmodifiableSet(copy));
        });
        sagas = Collections.unmodifiableMap(used);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(name).owner(owner).handler(handler).memoryMb(memoryMb)
                .timeoutSeconds(timeoutSeconds).reservedConcurrency(reservedConcurrency)
                .deadLetterQueue(deadLetterQueue).asyncRetryAttempts(asyncRetryAttempts)
                .maximumEventAgeSeconds(maximumEventAgeSeconds).onSuccess(onSuccess).onFailure(onFailure);
        builder.environment.putAll(environment);
        builder.tables.putAll(tables);
        publishes.forEach((bus, types) -> builder.publishes.put(bus, new TreeSet<>(types)));
        builder.sendsTo.addAll(sendsTo);
        builder.queueSources.addAll(queueSources);
        builder.streamSources.addAll(streamSources);
        sagas.forEach((saga, access) -> builder.sagas.put(saga, new LinkedHashSet<>(access)));
        return builder;
    }

    public Reference reference() {
        return Reference.function(name);
    }

    /** Every detail-type it publishes, on any bus. */
    public Set<String> publishedDetailTypes() {
        Set<String> types = new TreeSet<>();
        publishes.values().forEach(types::addAll);
        return types;
    }

    /**
     * The resources handed to the function through its environment, by variable name (see
     * {@link Reference#environmentVariable()}): every table it uses, bus it publishes to, queue it sends to and saga
     * it uses. The CDK app and the local runtime give each variable the resource's identifier.
     */
    public Map<String, Reference> resourceVariables() {
        Map<String, Reference> variables = new TreeMap<>();
        usedResources().forEach(reference -> variables.put(reference.environmentVariable(), reference));
        return Collections.unmodifiableMap(variables);
    }

    /** Every table, bus, queue it sends to and saga it uses, in that order. */
    List<Reference> usedResources() {
        List<Reference> used = new ArrayList<>();
        tables.keySet().forEach(t -> used.add(Reference.table(t)));
        publishes.keySet().forEach(b -> used.add(Reference.bus(b)));
        sendsTo.forEach(q -> used.add(Reference.queue(q)));
        sagas.keySet().forEach(s -> used.add(Reference.saga(s)));
        return used;
    }

    /** Builds a {@link FunctionDeclaration}; see the record for each field's default. */
    public static final class Builder {
        private final String name;
        private String owner;
        private String handler;
        private int memoryMb = DEFAULT_MEMORY_MB;
        private int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
        private final Map<String, String> environment = new TreeMap<>();
        private final Map<String, TableAccess> tables = new TreeMap<>();
        private final Map<String, Set<String>> publishes = new TreeMap<>();
        private final Set<String> sendsTo = new TreeSet<>();
        private final List<QueueSource> queueSources = new ArrayList<>();
        private final List<StreamSource> streamSources = new ArrayList<>();
        private final Map<String, Set<SagaAccess>> sagas = new TreeMap<>();
        private Integer reservedConcurrency;
        private String deadLetterQueue;
        private int asyncRetryAttempts = DEFAULT_ASYNC_RETRY_ATTEMPTS;
        private int maximumEventAgeSeconds = DEFAULT_MAXIMUM_EVENT_AGE_SECONDS;
        private AsyncDestination onSuccess;
        private AsyncDestination onFailure;

        private Builder(String name) {
            this.name = name;
        }

        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        public Builder handler(String className) {
            this.handler = className;
            return this;
        }

        public Builder handler(Class<?> handlerClass) {
            return handler(handlerClass.getName());
        }

        public Builder memoryMb(int memoryMb) {
            this.memoryMb = memoryMb;
            return this;
        }

        public Builder timeoutSeconds(int timeoutSeconds) {
            this.timeoutSeconds = timeoutSeconds;
            return this;
        }

        public Builder environment(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        /** Uses {@code table} with {@code access}; declaring a table twice combines the accesses. */
        public Builder table(String table, TableAccess access) {
            tables.merge(table, access, TableAccess::and);
            return this;
        }

        public Builder reads(String... tableNames) {
            for (String table : tableNames) {
                table(table, TableAccess.READ);
            }
            return this;
        }

        public Builder writes(String... tableNames) {
            for (String table : tableNames) {
                table(table, TableAccess.WRITE);
            }
            return this;
        }

        public Builder readsAndWrites(String... tableNames) {
            for (String table : tableNames) {
                table(table, TableAccess.READ_WRITE);
            }
            return this;
        }

        /** Publishes events of {@code detailTypes} to {@code bus}. */
        public Builder publishes(String bus, String... detailTypes) {
            publishes.computeIfAbsent(bus, b -> new TreeSet<>()).addAll(List.of(detailTypes));
            return this;
        }

        public Builder sendsTo(String... queues) {
            sendsTo.addAll(List.of(queues));
            return this;
        }

        /** Consumes {@code queue} through an SQS event source mapping with the defaults of {@link QueueSource#of}. */
        public Builder consumes(String queue) {
            return consumes(QueueSource.of(queue));
        }

        public Builder consumes(QueueSource source) {
            queueSources.add(source);
            return this;
        }

        /** Reads {@code source}'s table stream through a stream event source mapping. */
        public Builder consumesStream(StreamSource source) {
            streamSources.add(source);
            return this;
        }

        public Builder saga(String saga, SagaAccess... access) {
            sagas.computeIfAbsent(saga, s -> new LinkedHashSet<>()).addAll(List.of(access));
            return this;
        }

        public Builder starts(String saga) {
            return saga(saga, SagaAccess.START);
        }

        public Builder callsBack(String saga) {
            return saga(saga, SagaAccess.CALLBACK);
        }

        public Builder reservedConcurrency(Integer reservedConcurrency) {
            this.reservedConcurrency = reservedConcurrency;
            return this;
        }

        public Builder deadLetterQueue(String queue) {
            this.deadLetterQueue = queue;
            return this;
        }

        public Builder asyncRetryAttempts(int attempts) {
            this.asyncRetryAttempts = attempts;
            return this;
        }

        /** How long an asynchronous invocation may wait and be retried, 60-21600 seconds (Lambda's default 6 h). */
        public Builder maximumEventAgeSeconds(int seconds) {
            this.maximumEventAgeSeconds = seconds;
            return this;
        }

        /** Sends the record of each successful asynchronous invocation to {@code destination}. */
        public Builder onSuccess(AsyncDestination destination) {
            this.onSuccess = destination;
            return this;
        }

        /** Sends the record of each asynchronous invocation that finally failed to {@code destination}. */
        public Builder onFailure(AsyncDestination destination) {
            this.onFailure = destination;
            return this;
        }

        public FunctionDeclaration build() {
            return new FunctionDeclaration(name, owner, handler, memoryMb, timeoutSeconds, environment, tables,
                    publishes, sendsTo, queueSources, sagas, reservedConcurrency, deadLetterQueue,
                    asyncRetryAttempts, streamSources, maximumEventAgeSeconds, onSuccess, onFailure);
        }
    }
}
