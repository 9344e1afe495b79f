package io.nagare.local.runtime;

import java.nio.file.Path;
import java.util.Optional;

import org.h2.mvstore.MVStore;

/** What a local service is given when it is created: where to keep its state, the clock, and its neighbours. */
public interface RuntimeContext {

    String DEFAULT_REGION = "ap-northeast-1";
    String DEFAULT_ACCOUNT = "000000000000";

    /** AWS region the runtime answers for (in ARNs and responses). */
    String region();

    /** AWS account id the runtime answers for. */
    String accountId();

    /**
     * The endpoint URL clients use, e.g. {@code http://localhost:4566}; already known in services' constructors when the
     * runtime has a fixed port, null there when it listens on port 0 (or on none).
     */
    String endpointUrl();

    LocalClock clock();

    /** The data directory, or empty when the runtime keeps everything in memory (benchmarks, some tests). */
    Optional<Path> dataDirectory();

    /**
     * The service's durable store: an H2 MVStore in {@code <data-dir>/<name>.mv.db}, or in memory when the
     * runtime has no data directory. Auto-commit is off: a service calls {@code commit()} before it answers a
     * request whose effect must survive kill -9 (the OS keeps written pages when the process dies). The runtime
     * closes the store after the services.
     */
    MVStore store(String name);

    /**
     * Another service of this runtime, by type, so services call each other in-process (a state machine task
     * invoking a Lambda function, a rule delivering to a queue). Resolved when called, not at creation.
     */
    <T> Optional<T> service(Class<T> type);

    /**
     * Serves a request in-process, exactly as the endpoint would (same routing, same wire protocol, no socket):
     * how one service calls another, e.g. a state machine task invoking a Lambda function or a Lambda function's
     * SDK client reaching DynamoDB. Called from a service's constructor, it reaches only the services created
     * before it (those of a lower {@link LocalServiceFactory#order()}).
     */
    LocalResponse call(LocalRequest request);

    /**
     * Whether every service is created, so {@link #call} reaches all of them. Work a service resumes from its store
     * while the runtime starts (a running execution calling a Lambda function) waits for this.
     */
    boolean started();
}
